from __future__ import annotations


def test_each_pipeline_is_its_own_plugin_on_a_cluster():
    from functools import partial

    from kgbuild.extract import default_loader, load_pipeline
    from kgbuild.runtime.cluster import plugin_name

    assert plugin_name(default_loader()) == "kgbuild-pipeline kgbuild.extract.model.load_pipeline(None)"
    assert plugin_name(partial(load_pipeline, "en_core_web_lg")) != plugin_name(partial(load_pipeline, None))
