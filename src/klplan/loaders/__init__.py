"""The edge that reads files: YAML with line numbers, the bundled data, user files."""
