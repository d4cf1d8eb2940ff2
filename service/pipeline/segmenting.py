"""The one segmentation pass: words with tags and offsets, and sentences, read by later stages.

Words come from `analysis_text` (the Simplified copy, same length as `text`), so a Traditional
and a Simplified spelling of a word are one word to every later stage, while the offsets still
point at the word as it stands in `text`.
"""

from __future__ import annotations

import re

from service import resources
from service.pipeline.article import Article, Options, Sentence, evolve

# a sentence ends at 。！？； (and their ASCII forms), with any closing quotes, or at a line end
_SENTENCE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]*[”’」』）)]*")


def segment(article: Article, options: Options) -> Article:
    source = article.analysis_text if len(article.analysis_text) == len(article.text) else article.text
    tagged = resources.get().segmenter.tag_columns(source)
    return evolve(
        article,
        tokens=tuple(tagged.tokens),
        token_words=tuple(tagged.words),
        token_tags=tuple(tagged.tags),
        sentences=split_sentences(article.text),
    )


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences with their offsets, surrounding spaces left out: `text[start:end] == sentence.text`."""
    sentences = []
    for match in _SENTENCE.finditer(text):
        chunk = match.group()
        stripped = chunk.strip()
        if stripped:
            start = match.start() + len(chunk) - len(chunk.lstrip())
            sentences.append(Sentence(stripped, start, start + len(stripped)))
    return tuple(sentences)
