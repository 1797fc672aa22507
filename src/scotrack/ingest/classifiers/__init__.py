"""Learned decisions of the extractor: linear models that accept or reject the
candidates the rules propose.

Rules find candidates and fill their slots (which state, which event, which
title, which actor, which span); a model scores each candidate from its features
and the stage keeps those at or above the model's threshold. A model is a small
JSON file in `scotrack/data/classifiers/`, loaded once per process
(`linear.model`), rebuilt from the annotated corpus by `scotrack train`
(`training`), with labels that come from the gold annotations by the scorer's own
matching rules (`labels`).
"""
