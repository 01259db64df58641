"""The spaCy pipeline and the rules and learned models over it, laid out by stage.

Each stage reads what the stages before it made and none reads a later one:

- ``entities``: spans that name actors and places, their contract types, the names
  each goes by in a document, and which entity a mention stands for (``coref``,
  shared by attribution and claims);
- ``attribution``: who said what, with which cue, through whom;
- ``claims``: the relations a document states, their polarity and tense, their
  sources, and the conflicts among them;
- ``events``: who did what to whom, where and when;
- ``components``: the pipeline that runs them, the one registry of its spaCy
  factories, worker processes and Dask, and ``records``, the only place spaCy
  objects become claimgraph records.

The modules at this level are the helpers every stage shares: token columns,
span merging, word lists (``lexicons/``) and linear models.
"""
