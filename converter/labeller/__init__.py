"""The line-role labeller: a CRF per level (zone, role) over line features, with the rules' roles as
evidence; trained by `python -m converter.labeller.train`, evaluated by `python -m converter.labeller.evaluate`.
See FEATURES.md."""
