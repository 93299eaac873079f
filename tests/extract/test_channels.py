"""What a statement went through (kgbuild/extract/channels.py): statements, releases, posts and
interviews are the channel of the person or organization that made them."""

from __future__ import annotations

from tests.builders import only


def test_said_in_a_statement_is_the_speakers_statement(attributions_of):
    a = only(attributions_of("Mayor Jane Holt said in a statement that the bridge would reopen."), "said")
    assert a.actor.name == "Jane Holt" and a.via == "statement"


def test_in_her_statement_before_the_speaker(attributions_of):
    text = "Carrie Lam spoke on Wednesday. In her statement, Lam said the bill would be withdrawn."
    a = only(attributions_of(text), "said")
    assert a.actor.name == "Carrie Lam" and a.via == "statement"


def test_a_news_release_from_the_ministry_is_the_ministrys(attributions_of):
    a = only(attributions_of("A news release from the ministry said the roads would close."), "said")
    assert a.actor.name == "ministry" and a.actor.kind == "organization"
    assert a.via == "news release"


def test_said_in_a_news_release_that_keeps_its_content(attributions_of):
    """The parse hangs "that the roads would close" on the release, as a relative clause."""
    a = only(attributions_of("The ministry said in a news release that the roads would close."), "said")
    assert a.via == "news release" and a.content.text == "that the roads would close"


def test_a_press_release_that_reads_a_quotation_is_its_organizations(attributions_of):
    """Wikinews (Jon Huber): '"...", reads an AEW press release'."""
    a = only(attributions_of('"Huber was exceptionally respected", reads an AEW press release.'), "reads")
    assert a.actor.name == "AEW" and a.via == "press release" and a.direct


def test_a_post_on_a_platform_keeps_the_platform_as_its_channel(attributions_of):
    a = only(attributions_of("In a Facebook post, Mayor Jane Holt wrote that the roads would close."), "wrote")
    assert a.actor.name == "Jane Holt" and a.via == "Facebook"


def test_said_in_an_interview_is_an_interview(attributions_of):
    a = only(attributions_of("Boris Johnson said in an interview that he would not wait."), "said")
    assert a.actor.name == "Boris Johnson" and a.via == "interview"


def test_a_name_that_ends_in_a_statement_form_is_the_source_not_its_channel(attributions_of):
    """PolNeAR (Western Journalism): "the Washington Post reports that ..." was Washington's post."""
    a = only(attributions_of("On Monday the Washington Post reported that the State Department issued subpoenas."), "reported")
    assert (a.actor.name, a.actor.kind, a.via) == ("Washington Post", "organization", None)


def test_a_speaker_is_not_the_channel_of_what_they_say_they_said(attributions_of):
    text = "Mr Sullivan told the court that he repeatedly warned Mr Ebbers that falsifying the books was the only way."
    warned = only(attributions_of(text), "warned")
    assert warned.actor.name == "Sullivan" and warned.via is None  # not "Mr", nor Sullivan himself


def test_a_person_relaying_a_statement_is_named_not_titled(nlp):
    from kgbuild.extract.channels import channel_label

    doc = nlp("Mr Sullivan said that the books were falsified.")
    assert channel_label(doc[1]) == "Sullivan"
    doc = nlp("Ms Milanesi said that the books were falsified.")
    assert channel_label(next(t for t in doc if t.text == "Milanesi")) == "Milanesi"
