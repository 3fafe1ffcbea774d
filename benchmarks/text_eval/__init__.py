"""A caption evaluation the text rules cannot be tuned to by accident.

``lists`` holds the names, schools and places, each split once (fixed seed) into a ``tune``
half, the only half rules may be looked at against, and a ``held_out`` half that is the score.
``generate`` builds labelled captions from templates in English, Dutch and Japanese;
``handwritten.tsv`` holds captions written by hand in many styles, also held out.
"""
