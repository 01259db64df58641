"""Events: who did what to whom, where and when, from the event vocabulary and dates read against the
day the story was written."""
