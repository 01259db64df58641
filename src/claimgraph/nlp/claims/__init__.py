"""Claims: the relations a document states (verb frames, noun-phrase shapes, roles, events as evidence, the
learned relation classifier), their polarity, hedges and tense, their sources, and the conflicts among them."""
