"""Eligibility criteria for patients: plain English, structured facts, questions to ask.

    split       registry text -> inclusion and exclusion items (sub-items kept with their parent)
    numbers     number tokens, which a rewrite must keep exactly
    replacer    one fast pass of word-keyed replacements
    glossary    data/glossary.yml: medical words and abbreviations -> everyday words
    phrasing    symbols and registry grammar -> plain sentences
    wording     the phrases never to use (telling someone they can join)
    plain       the rewrite: PlainCriteria with one plain item per registry item
    short_sentences  a long rewritten sentence cut at its natural joints into short ones
    readability reading grade before and after (textstat 0.7.3)
    facts       structured facts (age, tumour, spread, past treatments, ...)
    questions   questions for your doctor and the trial team, tailored to a trial
    render      the chat message: two headed lists, or where to find the criteria
    sources     shipped trial texts and the shared corpus, for tests and the report
    evaluate    fact extraction measured against the hand labels in tests/data
    cli         `python -m bot criteria ...`

Plain Python: nothing here imports rasa.
"""
