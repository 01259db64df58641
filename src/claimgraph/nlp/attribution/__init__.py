"""Attribution: who said what, with which cue, through whom — the rules and the learned cue and source
taggers, and the one decision that combines them."""
