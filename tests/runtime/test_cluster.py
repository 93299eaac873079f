from __future__ import annotations


def test_each_pipeline_is_its_own_plugin_on_a_cluster():
    from functools import partial

    from kgbuild.extract import load_pipeline, loader
    from kgbuild.runtime.cluster import plugin_name

    assert plugin_name(loader()) == "kgbuild-pipeline kgbuild.extract.model.load_pipeline(None)"
    assert plugin_name(loader("en_core_web_lg")) != plugin_name(loader())
    assert plugin_name(loader()) == plugin_name(partial(load_pipeline, None))
