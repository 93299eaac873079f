from kgbuild.extract.lexicon import STANCES, cues


def test_cue_table_is_one_consistent_table():
    table = cues()
    assert len(table) > 80
    assert table["say"].stance == "asserts" and table["say"].speech
    assert table["deny"].stance == "denies" and table["refute"].stance == "refutes"
    assert table["confirm"].negated == "questions"  # "did not confirm"
    assert table["tell"].object == "recipient" and table["deny"].object == "content"
    assert not table["hope"].speech and "believe" not in table  # dropped: mostly unannotated in PolNeAR
    assert all(c.stance in STANCES for c in table.values())
