"""Entities: the spans that name actors and places, their contract types, the names each goes by within a
document, and which entity a mention (a name, a description, a pronoun) stands for."""
