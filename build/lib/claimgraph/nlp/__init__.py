"""The spaCy pipeline and claimgraph's registered components."""
