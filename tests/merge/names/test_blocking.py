"""Blocking: the name pairs compared are fewer than all pairs, and the links made the same."""

from kgbuild.merge.names import link_names, name_key, name_keys


def every_pair_rows(keys, members, cluster_of):
    """The rows of a one-surname block before it was cut to given names that can agree: every
    key with every key after it (a reading without its second surname: the full keys after it)."""
    for x, i in enumerate(members):
        row = [j for j in members[x + 1 :] if keys[i].primary or keys[j].primary]
        if row:
            yield i, row


def test_a_surname_block_compares_only_given_names_that_can_agree_and_links_the_same(monkeypatch):
    import random

    from kgbuild.merge.names import blocking as module

    given = ["John", "Jean", "Juan", "Ivan", "J.", "J. R.", "John Ronald", "Ronald", "R.", "William", "Bill", "Will",
             "Wilhelm", "Katherine", "Catherine", "Kate", "K.", "C.", "Julius", "Johan Julius", "Johan", "Maria",
             "Rainer Maria", "Rainer", "Earle E.", "Elizabeth", "Steve", "Steven", "Stephen", "Geoff", "Mary Jane",
             "Jane", "Anna Maria", "Yury", "Yuriy", "Georg", "George", "Jorge"]
    rng = random.Random(7)
    for _ in range(20):
        names = [f"{' '.join(rng.sample(given, rng.choice((1, 1, 2))))} {rng.choice(['Exner', 'Exner Garcia', 'Exnar'])}"
                 for _ in range(60)] + ["Exner"]
        names += [f"{n} Smith" for n in given]
        apart = [(names[0], names[1])]
        expected = None
        for rows in (every_pair_rows, module.same_surname_rows):
            monkeypatch.setattr(module, "same_surname_rows", rows)
            for context in (None, lambda rule, a, others: len(a) % 2 == 0):
                result = link_names(names, apart, context)
                if rows is every_pair_rows:
                    expected = expected or {}
                    expected[context is None] = result
                else:
                    assert result == expected[context is None]
        keys = [key for name in dict.fromkeys(names) for key in name_keys(name)]
        members = [i for i, key in enumerate(keys) if key.is_full and key.surname == name_key("Exner").surname]
        pairs = lambda rows: {(i, j) for i, row in rows(keys, members, None) for j in row}
        assert pairs(module.same_surname_rows) < pairs(every_pair_rows)  # fewer pairs, none of them new


def test_close_surnames_already_in_one_cluster_are_skipped_without_changing_a_link(monkeypatch):
    import random

    from kgbuild.merge.names import blocking as module

    given = ["John", "Jon", "Johnny", "Jean", "J.", "William", "Bill", "W.", "Kate", "Katherine", "Anna Maria", "Maria"]
    surnames = ["Exner", "Exnar", "Exnor", "Eksner", "Exners", "Exnerova", "Axner", "Exler"]
    rng = random.Random(11)
    unpruned = module.close_surname_rows
    for _ in range(200):
        names = [f"{rng.choice(given)} {rng.choice(surnames)}" for _ in range(rng.choice((6, 12, 40)))] + ["Exnar", "Exner"]
        apart = [(names[0], names[1])]
        for context in (None, lambda rule, a, others: len(a) % 3 != 0):
            pruned = link_names(names, apart, context)
            monkeypatch.setattr(module, "close_surname_rows", lambda keys, by_surname, cluster_of: unpruned(keys, by_surname, None))
            every_row = link_names(names, apart, context)
            monkeypatch.setattr(module, "close_surname_rows", unpruned)
            assert pruned == every_row
