"""The one segmentation pass: words with tags and offsets, and sentences, read by later stages."""

from __future__ import annotations

import re
from dataclasses import replace

from service import resources
from service.pipeline.article import Article, Options, Sentence, Token

_SENTENCE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]*[”’」』）)]*")


def segment(article: Article, options: Options) -> Article:
    segmenter = resources.get().segmenter
    tokens, offset = [], 0
    for word in segmenter.tag(article.analysis_text):
        tokens.append(Token(word.word, word.tag, offset, offset + len(word.word)))
        offset += len(word.word)
    text = article.text
    sentences = tuple(
        Sentence(match.group().strip(), match.start(), match.start() + len(match.group().rstrip()))
        for match in _SENTENCE.finditer(text)
        if match.group().strip()
    )
    return replace(article, tokens=tuple(tokens), sentences=sentences)
