import pytest

import kgbuild
from kgbuild.merge.names import cluster_names, link_names, name_key


def together(*names):
    return len(cluster_names(list(names))) == 1


@pytest.mark.parametrize(
    "a, b",
    [
        ("Yury Dashkin", "Yuriy Dashkin"),  # y / iy
        ("Yury Dashkin", "Yurii Dashkin"),  # y / ii
        ("Volodymyr Zelensky", "Volodymyr Zelenskyy"),  # -sky / -skyy
        ("Volodymyr Zelensky", "Volodymyr Zelenskiy"),  # -sky / -skiy
        ("Vladimir Bukovsky", "Vladimir Bukowski"),  # w / v, -sky / -ski
        ("Mikhail Khodorkovsky", "Mihail Hodorkovsky"),  # kh / h
        ("Yevgeny Prigozhin", "Evgeny Prigozhin"),  # ye / e
        ("Sergei Uvarov", "Sergueï Ouvarov"),  # diacritics, ou / u
        ("Thomas S. Kuhn", "Thomas Kuhn"),  # initials and middle names
        ("Thomas Samuel Kuhn", "T. S. Kuhn"),
        ("President Vladimir Putin", "Vladimir Putin"),  # titles
        ("Putin's", "Vladimir Putin"),  # possessive, surname only
        ("JOSÉ GUTIÉRREZ", "Jose Gutierrez"),  # case and accents
        ("Anwar al-Sadat", "Anwar Sadat"),  # particles
        ("Francis M'Clintock", "Francis McClintock"),  # apostrophe inside a name
        ("Natsuki Satou", "Natsuki Sato"),  # Japanese long vowel written ou
        ("Pyotr Tchaikovsky", "Pyotr Chaikovsky"),  # French tch
        ("Taras Shevchenko", "Taras Sjevtsjenko"),  # Dutch sj, tsj
        ("Sergey Lukyanenko", "Sergej Loekjanenko"),  # Dutch oe, j
        ("William Powell", "Bill Powell"),  # nickname
        ("Richard Snyder", "Rick Snyder"),
        ("Miguel Pérez Carreño", "Miguel Pérez Carreño Espinal"),  # a second surname
        ("Miquel Barceló", "Miquel Barceló García"),
        ("Janet Hubert", "Janet Hubert-Whitten"),  # a double-barrelled surname
        ("Jane Austen", "Jane Austin"),  # the given name agrees in full: the surname may differ by a letter
        ("Hamid Karzai", "Hamid Karsai"),
        ("Giuseppe Crespi", "Joseph Crespi"),  # the same given name in another language
        ("Lev Trotsky", "Leon Trotsky"),
        ("Karl Marx", "Carl Marx"),  # c / k
        ("C. Debussy", "Claude Debussy"),  # an initial is the first letter as written
        ("Mahy, Margaret", "Margaret Mahy"),  # inverted with a comma
        ("Barthlott W.", "W. Barthlott"),  # initials after the surname
        ("Henry Bathurst, 2nd Earl Bathurst", "Henry Bathurst"),  # a peerage after a comma
        ("Paul Sandby RA", "Paul Sandby"),  # post-nominal letters
        ("Saint Maximilian Kolbe", "Maximilian Kolbe"),
        ("Charles V", "Carlos V"),  # regnal names: the same number, the name in any language
        ("Pope Leo XIII", "Leo XIII"),
        ("Abdulhamid II", "Abdul-Hamid II"),
        ("Constantine I", "Constantin Ier"),
        ("Juan Carlos I", "Juan Carlos"),  # a full name with and without its number
    ],
)
def test_variants_of_one_name_are_one_person(a, b):
    assert together(a, b)


@pytest.mark.parametrize(
    "a, b",
    [
        ("Vladimir Putin", "Vladimir Zelensky"),  # same first name, other surname
        ("Vladimir Putin", "Volodymyr Zelensky"),
        ("Hillary Clinton", "Bill Clinton"),  # same surname, other first name
        ("John Smith", "Jane Smith"),
        ("Thomas S. Kuhn", "Thomas R. Kuhn"),  # conflicting middle initials
        ("Will Smith", "Jada Smith"),  # a nickname must be of the other's name
        ("Samuel A. Taylor", "Samuel Taylor Coleridge"),  # Taylor is no second surname: A. is a middle name
        ("John Smith Jones", "John Smith Brown"),  # two readings without a second surname never match
        ("William Smith", "Vladimir Smith"),  # look alike, are not the same name
        ("Mark Johnson", "Martin Johnson"),
        ("David Burr", "David Burnside"),  # a close surname must differ by a letter or two, not a suffix
        ("Elizabeth Eaton", "Earle E. Seaton"),  # a full given name is no one's middle initial
        ("J. Smith", "Ivan Smith"),  # J is not the folded I of Ivan
        ("Charles V", "Charles I"),  # regnal names with other numbers
        ("Nicholas II", "Nicholas I"),
        ("Hendrik II", "Hendrik Hondius II"),
        ("Omar II", "Mohammed Omar"),  # a regnal name is not a surname
        ("Pope Francis", "Mark Lewis-Francis"),
        ("Ben Carson", "Johnny Carson"),  # "Ben" first is a given name, not "son of"
    ],
)
def test_different_people_stay_apart(a, b):
    assert not together(a, b)


def test_surname_alone_joins_the_one_full_name_with_it():
    assert cluster_names(["Yury Dashkin", "Yurii Dashkin", "Dashkin", "Vladimir Putin"]) == [
        ["Yury Dashkin", "Yurii Dashkin", "Dashkin"],
        ["Vladimir Putin"],
    ]


def test_an_ambiguous_surname_stays_unmerged():
    clusters = cluster_names(["Hillary Clinton", "Bill Clinton", "Clinton"])
    assert ["Clinton"] in clusters and len(clusters) == 3


def test_every_merge_has_a_rule_and_a_score():
    _, links = link_names(["Yury Dashkin", "Yuriy Dashkin", "Dashkin"])
    assert {link.rule for link in links} == {"person name: same key", "person name: surname only, one full name"}
    assert all(0 <= link.score <= 1 for link in links)


def test_public_api_and_keys():
    assert kgbuild.cluster_names(["Yurii Dashkin", "Dashkin"]) == [["Yurii Dashkin", "Dashkin"]]
    yuriy, yury = name_key("Yuriy Dashkin"), name_key("Yury Dashkin")
    assert (yuriy.given, yuriy.surname) == (yury.given, yury.surname) == (("iuri",), "dashkin")


def test_a_match_by_spelling_alone_needs_the_context_to_agree():
    names = ["Rick Perry", "Rick Parry"]
    assert len(cluster_names(names)) == 1  # bare names: spelling decides
    apart, _ = link_names(names, corroborated=lambda rule, a, others: False)
    together_, links = link_names(names, corroborated=lambda rule, a, others: True)
    assert len(apart) == 2 and len(together_) == 1 and links[0].rule == "person name: close surname"


def test_a_name_by_its_initials_bridges_no_two_people_in_a_corpus():
    names = ["M. Thomas Davis", "Mark Davies", "Miles Davis", "Mervyn Davies"]
    clusters, links = link_names(names, corroborated=lambda rule, a, others: True)
    grouped = [{names[i] for i in cluster} for cluster in clusters]
    assert all(len(group & {"Mark Davies", "Miles Davis", "Mervyn Davies"}) <= 1 for group in grouped)
    assert [link.rule for link in links] == ["person name: initial"]  # it joins one of them


def test_a_surname_joins_the_full_name_nine_in_ten_mentions_of_it_are_of():
    names = ["Donald Trump", "Ivanka Trump", "Trump", "Hillary Clinton", "Bill Clinton", "Clinton",
             "Michael Howard", "Mr Howard", "Mrs Howard"]
    mentions = {"Donald Trump": 95, "Ivanka Trump": 5, "Hillary Clinton": 60, "Bill Clinton": 40, "Michael Howard": 50}
    clusters, links = link_names(names, corroborated=lambda rule, a, others: True, mentions=lambda n: mentions.get(n, 1))
    grouped = sorted(sorted(names[i] for i in cluster) for cluster in clusters)
    assert ["Donald Trump", "Trump"] in grouped and ["Clinton"] in grouped  # 60 in 100 is no referent
    assert ["Mrs Howard"] in grouped  # a woman's honorific joins no one only men's name
    assert [link.rule for link in links if link.a == "Trump"] == ["person name: surname only, the full name most mentions are of"]
    assert len(cluster_names(["Donald Trump", "Ivanka Trump", "Trump"])) == 3  # spelling alone: ambiguous
