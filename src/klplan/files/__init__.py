"""Files klplan writes: atomically, never over an input or a file that is not
klplan's, one run at a time per folder. Used by the use cases (``klplan.app``) and
the CLI alike; nothing here prints."""
