"""Stage 2, raw text to clean paragraphs; nothing that is content is lost or rewritten.

In order:
1. the file-name line that leads corpus files (`225…动员部署会.txt`) is taken out (title.py reads it);
2. the format is decided: `html-document` (a page), `html-fragment` (known tags), else `plain`;
3. image placeholders (the dashed `这里有图片` block, `[图片]`, `<img>`) become a marker;
4. blocks: lines of plain text, or the block structure of the HTML (html.py); a plain text's
   running header or footer (a short line repeated on every page of a PDF it was copied from) goes;
5. each block: zero-width and control characters go, layout whitespace collapses (a line break
   between two CJK characters is removed, as CSS does; other runs become one space; the ends, with
   the full-width indentation `　　`, are stripped); empty blocks, dashed rules, page numbers
   (`— 3 —`, `第3页`) and a WeChat account's promotion lines (`点击上方蓝字关注我们`) vanish;
6. the paragraphs are joined by `\\n` with their spans; the markers' positions are kept;
7. redaction marks (`**组长`, `*.*万户`) are found in the final text, which keeps them as written;
8. the script is decided and the Simplified `analysis_text` of the same length is made.
"""

from __future__ import annotations

import re
from collections import Counter

from service.errors import EmptyDocument
from service.pipeline.article import Article, ImagePlaceholder, Options, Redaction, Span, evolve
from service.pipeline.filename import parse_file_name
from service.pipeline.html import IMAGE, extract_blocks
from service.pipeline.script import simplified_copy

_DOCUMENT = re.compile(r"<!doctype\s+html|<\s*(?:html|head|body)\b", re.IGNORECASE)
_FRAGMENT = re.compile(
    r"<\s*/?\s*(?:div|p|span|br|a|b|i|u|em|strong|font|table|tr|td|th|tbody|thead|ul|ol|li|h[1-6]|img|"
    r"section|article|center|blockquote|pre|hr|sup|sub|small|big|label|dl|dt|dd|figure|figcaption|"
    r"header|footer|nav|main|aside|o:p|st1:\w+|script|style)"
    r"""(?:\s+[a-zA-Z_:][-\w:.]*(?:\s*=\s*(?:"[^"<]*"|'[^'<]*'|[^\s"'<>]+))?)*\s*/?>""",  # attributes
    re.IGNORECASE,
)
_DASH = r"[-—－─━_=~～]"
_PAD = r"[ \t\u3000\u00a0]*"
_IMAGE_WORD = r"(?:这里有图片|這裡有圖片|此处有图片|此處有圖片|图片|圖片|图像|圖像|image|img|picture|photo)"
# The dashed block: a labelled line of dashes, with up to three plain dashed lines each side. The
# look-behind lets a run of dashes be tried from its first dash only: a megabyte of dashes is linear.
_PLACEHOLDER_BLOCK = re.compile(
    rf"(?:^{_PAD}{_DASH}{{3,}}{_PAD}\n){{0,3}}"
    rf"{_PAD}(?<!{_DASH}){_DASH}{{3,}}{_PAD}{_IMAGE_WORD}{_PAD}{_DASH}{{3,}}{_PAD}"
    rf"(?:\n{_PAD}{_DASH}{{3,}}{_PAD}$){{0,3}}",
    re.IGNORECASE | re.MULTILINE,
)
# The cheap test for a block. Its dashes are written out, not `{3}`: `re` scans ahead for the first
# character of a pattern only when the pattern opens with a single character (or class), not with
# a repeat, and that scan is twice as fast as trying each position (12 -> 6 µs a seed). `X[X]*`
# instead of `X+` below is for the same reason.
_PLACEHOLDER_HINT = re.compile(rf"{_DASH}{_DASH}{_DASH}{_PAD}{_IMAGE_WORD}", re.IGNORECASE)
_BLOCK_LINES = 3  # dashed lines a block may have each side of its labelled line (the {0,3} above)
_DASHED_LINE = re.compile(rf"{_PAD}{_DASH}{{3,}}{_PAD}$", re.MULTILINE)  # one of those lines, from its start
_MAX_LABELS = 16  # labels looked at one by one; past these, the rest of the text is one window
_PLACEHOLDER_INLINE = re.compile(rf"[\[【［]{_PAD}{_IMAGE_WORD}{_PAD}[\]】］]", re.IGNORECASE)
_RULE = re.compile(rf"{_DASH}{{5,}}")  # a paragraph of dashes alone is a drawn line, not text
# zero-width characters, soft hyphens, C0 controls, and bidi controls (which can make a text read
# otherwise than it is stored: U+202E reverses what follows)
_INVISIBLE_CHARS = r"\u200b-\u200f\u202a-\u202e\u2060-\u2069\u061c\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f"
_INVISIBLE = re.compile(rf"[{_INVISIBLE_CHARS}][{_INVISIBLE_CHARS}]*")  # [..]+, opening with one character
_TO_NORMALIZE = re.compile(rf"[{_INVISIBLE_CHARS}\s{IMAGE}]")  # what normalize_block changes inside a block
_SPACE = re.compile(r"\s+")  # str patterns: also U+3000 (　) and U+00A0 (&nbsp;)
_SPACE_AROUND_IMAGE = re.compile(rf"\s*{IMAGE}\s*")
_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2018-\u201f\u2026\u2014]")
_REDACTION = re.compile(r"[*＊][*＊]*(?:[.．][*＊]+)*")  # [*＊]+, opening with one character
_PLAIN_NBSP = re.compile(r"&nbsp;|&#160;|&#xa0;", re.IGNORECASE)
# A page number alone on its line, as a PDF's page footer leaves it in copied text: `— 3 —`, `- 3 -`,
# `第3页`, `第3页 共12页`, `3/12`, `Page 3 of 12`. A number with no dashes or 页 around it is left:
# a line `3` may be a list's number whose item was wrapped to the next line.
_PAGE_NUMBER = re.compile(
    r"[-—－–─━~～·•][-—－–─━~～·•]*\s*\d{1,4}\s*[-—－–─━~～·•]+"
    r"|(?:共\s*\d{1,4}\s*页\s*[,，/／]?\s*)?第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?"
    r"|(\d{1,4})\s*[/／]\s*(\d{1,4})"
    r"|(?i:page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)"
)
_MAX_PAGE_NUMBER = 24  # characters: longer lines are not tried
# A WeChat account's promotion lines, where they stand as a line of their own: 点击上方蓝字关注我们,
# 长按识别二维码, 欢迎分享转发, 点亮在看 ... A sentence that only holds such words is not matched.
_FLOURISH = r"[\s↑↓▲△▼☝👆👇🔺🔻⬆⬇➤►▶·•●○◆◇★☆※❤♥💗👍🌟✨|｜~～\-—_]*"
_QUOTED_ACCOUNT = r"[“\"「『][^”\"」』\n]{1,20}[”\"」』]"
_PROMOTION = re.compile(
    rf"{_FLOURISH}(?:"
    rf"(?:点击|点|戳)(?:上方|上面|顶部|标题下方?|下方)?的?(?:蓝字|蓝色字体?|{_QUOTED_ACCOUNT})?[，,\s]*(?:免费|一键)?关注(?:我们|公众号|本号|我)?"
    r"|(?:长按|扫描|扫)(?:并)?(?:识别)?(?:下方|上方|图中|图片中?|下图|文末)?的?二维码(?:[，,\s]*(?:即可)?(?:一键)?关注(?:我们|公众号|本号)?)?"
    r"|扫码关注(?:我们|公众号|本号)?"
    r"|欢迎(?:分享|转发|点赞)(?:[、和与及,，]?(?:分享|转发|点赞|在看|收藏))*(?:到朋友圈)?"
    r"|(?:点亮|点个|点一下|顺手点个?|记得点个?|别忘了点个?)[“\"]?在看[”\"]?"
    r"|(?:分享|点赞|在看|收藏)(?:[、，,\s]*(?:分享|点赞|在看|收藏))+"
    rf")[!！~～吧哦呀。]*{_FLOURISH}"
)
_MAX_PROMOTION = 40
# A running header or footer: a short line with no sentence or list in it (these marks), repeated.
_SENTENCE = re.compile(r"[。，；！？]")
_NOT_RUNNING = re.compile(r"[。，；！？：、,;:!?]")
_RUNNING_LENGTH = (4, 40)  # characters: shorter lines (合计, 是) repeat as a table's cells do
_LINE_PADDING = " \t\u3000\u00a0"
CONTEXT = 10  # characters each side of a redaction, within its paragraph


def clean(article: Article, options: Options) -> Article:
    raw = article.raw_text.replace("\r\n", "\n").replace("\r", "\n").replace(IMAGE, "")
    name_line, raw = _take_name_line(raw)
    if _DOCUMENT.search(raw):
        fmt = "html-document"
    elif _FRAGMENT.search(raw):
        fmt = "html-fragment"
    else:
        fmt = "plain"
    page_title = headline = None
    if fmt == "plain":
        raw = replace_dashed_blocks(raw, f"\n{IMAGE}\n")
        raw = _PLACEHOLDER_INLINE.sub(IMAGE, _PLAIN_NBSP.sub(" ", raw))
        blocks = drop_running_lines(raw.splitlines())
    else:
        raw = replace_dashed_blocks(raw, f"<br>{IMAGE}<br>")
        raw = _PLACEHOLDER_INLINE.sub(IMAGE, raw)
        page = extract_blocks(raw, document=fmt == "html-document")
        blocks, page_title, headline = page.blocks, page.title, page.headline
    paragraphs, spans, images = _assemble(blocks)
    if not paragraphs:
        raise EmptyDocument("The document has no text once markup and layout are removed.")
    text = "\n".join(paragraphs)
    language, analysis_text = simplified_copy(text)
    metadata = evolve(article.metadata, image_placeholders=images, redactions=find_redactions(text))
    source = evolve(
        article.source,
        format=fmt,  # type: ignore[arg-type]
        name_line=name_line,
        language=language,
        page_title=page_title,
        headline=headline,
    )
    return evolve(
        article,
        source=source,
        text=text,
        analysis_text=analysis_text,
        paragraphs=spans,
        metadata=metadata,
    )


def drop_running_lines(lines: list[str]) -> list[str]:
    """The lines without a running header or footer: a short line without a sentence, repeated
    identically, as a PDF's page header (`某某会议文件汇编`) is in the text copied from it.
    Occurrences before the first sentence stay: there a title, or a title written twice, cannot be
    told from a header, and the title matters more."""
    keys = [_running_key(line) for line in lines]
    counts = Counter(key for key in keys if key is not None)
    repeated = {key for key, count in counts.items() if count >= 2}
    if not repeated:
        return lines
    first_sentence = next((index for index, line in enumerate(lines) if _SENTENCE.search(line)), len(lines))
    return [
        line
        for index, (line, key) in enumerate(zip(lines, keys, strict=True))
        if index < first_sentence or key not in repeated
    ]


def _running_key(line: str) -> str | None:
    """The line as a running header would repeat, or None when it cannot be one."""
    key = line.strip(_LINE_PADDING)
    low, high = _RUNNING_LENGTH
    if not low <= len(key) <= high or IMAGE in key or key[0] in "(（[【" or _NOT_RUNNING.search(key):
        return None
    return key


def is_page_chrome(paragraph: str) -> bool:
    """A page number (`— 3 —`) or a promotion line (`点击上方蓝字关注我们`) standing alone."""
    if len(paragraph) <= _MAX_PAGE_NUMBER:
        page = _PAGE_NUMBER.fullmatch(paragraph)
        if page is not None:
            number, count = page.group(1, 2)  # `3/12`: a page of a count, never `12/3`
            return number is None or 0 < int(number) <= int(count)
    return len(paragraph) <= _MAX_PROMOTION and _PROMOTION.fullmatch(paragraph) is not None


def _take_name_line(raw: str) -> tuple[str | None, str]:
    """The first non-blank line, when it is a file name rather than markup or a sentence."""
    stripped = raw.lstrip()
    first, _, rest = stripped.partition("\n")
    if "<" in first or parse_file_name(_INVISIBLE.sub("", first)) is None:
        return None, raw
    return first.strip(), rest


def replace_dashed_blocks(raw: str, marker: str) -> str:
    """`_PLACEHOLDER_BLOCK.sub(marker, raw)`, with the pattern tried only where a block can stand.

    The pattern has no fixed start, so `sub` over a whole page tries it at every character (0.1 ms
    for a 3 KB page). A block is its labelled line (which holds a `_PLACEHOLDER_HINT`) and the
    dashed lines next to it, so `sub` over those lines finds the same blocks: a window starts and
    ends at line ends, where `^`, `$` and the look-behind see what they see in `raw`. Windows that
    touch are one window, so no block is split between two.
    """
    hint = _PLACEHOLDER_HINT.search(raw)
    if hint is None:
        return raw
    pieces: list[str] = []
    done = 0  # raw[:done] is in `pieces`
    start = end = 0  # the window of lines being gathered: raw[start:end]
    for _ in range(_MAX_LABELS):
        first, last = _block_reach(raw, hint.start(), hint.end())
        if first > end:  # apart from the window: replace in it, open the next
            pieces += (raw[done:start], _PLACEHOLDER_BLOCK.sub(marker, raw[start:end]))
            done, start = end, first
        end = last
        line_end = raw.find("\n", hint.end())
        hint = _PLACEHOLDER_HINT.search(raw, line_end) if line_end >= 0 else None
        if hint is None:
            break
    else:  # a page of labels: one pass over the rest costs less than a window for each
        end = len(raw)
    pieces += (raw[done:start], _PLACEHOLDER_BLOCK.sub(marker, raw[start:end]), raw[end:])
    return "".join(pieces)


def _block_reach(raw: str, label_start: int, label_end: int) -> tuple[int, int]:
    """The lines a block labelled at raw[label_start:label_end] can take: the label's line and up
    to `_BLOCK_LINES` dashed lines right above and below it (a non-dashed line ends a block)."""
    start = raw.rfind("\n", 0, label_start) + 1
    for _ in range(_BLOCK_LINES):
        if start == 0:
            break
        above = raw.rfind("\n", 0, start - 1) + 1
        if not _DASHED_LINE.match(raw, above):
            break
        start = above
    end = raw.find("\n", label_end)
    for _ in range(_BLOCK_LINES):
        if end < 0 or not _DASHED_LINE.match(raw, end + 1):
            break
        end = raw.find("\n", end + 1)
    return start, len(raw) if end < 0 else end


def normalize_block(block: str) -> str:
    """One block's text as a paragraph: invisible characters and layout whitespace gone."""
    stripped = block.strip()
    if not _TO_NORMALIZE.search(stripped):
        # Most blocks: whitespace at the ends only, so stripping is all there is to do (the
        # invisible characters that are whitespace, \x1c-\x1f, go with it): one scan, not three.
        return "" if _RULE.fullmatch(stripped) else stripped
    block = _INVISIBLE.sub("", block)
    if IMAGE in block:
        block = _SPACE_AROUND_IMAGE.sub(IMAGE, block)
    block = block.strip()
    if _SPACE.search(block):
        block = _SPACE.sub(_collapse, block)
    if _RULE.fullmatch(block):
        return ""
    return block


def _collapse(match: re.Match[str]) -> str:
    """A line break between two CJK characters is layout (CSS drops it too); other runs: one space."""
    run, text = match.group(), match.string
    start, end = match.start(), match.end()
    if "\n" in run and _WIDE.match(text, start - 1) and _WIDE.match(text, end):
        return ""
    return " "


def _assemble(blocks: list[str]) -> tuple[list[str], tuple[Span, ...], tuple[ImagePlaceholder, ...]]:
    paragraphs: list[str] = []
    spans: list[Span] = []
    images: list[ImagePlaceholder] = []
    position = 0  # where the next paragraph starts in the joined text
    for raw_block in blocks:
        block = normalize_block(raw_block)
        if IMAGE in block:
            pieces = block.split(IMAGE)
            block = "".join(pieces)
            within = 0
            for piece in pieces[:-1]:
                within += len(piece)
                images.append(ImagePlaceholder(offset=position + within, paragraph=len(paragraphs)))
            if _RULE.fullmatch(block):
                block = ""
        if not block or is_page_chrome(block):
            continue
        paragraphs.append(block)
        spans.append(Span(position, position + len(block)))
        position += len(block) + 1
    end = max(0, position - 1)  # placeholders after the last paragraph stand at the end of the text
    images = [evolve(image, offset=min(image.offset, end)) for image in images]
    return paragraphs, tuple(spans), tuple(images)


def find_redactions(text: str) -> tuple[Redaction, ...]:
    """Each run of `*` (a `*.*` is one mark); a `* ` that opens a line is a bullet, not a mark."""
    if "*" not in text and "＊" not in text:  # most texts: two substring searches, not a regex scan (16 µs a seed)
        return ()
    found = []
    for match in _REDACTION.finditer(text):
        start, end = match.span()
        at_line_start = start == 0 or text[start - 1] == "\n"
        if at_line_start and end < len(text) and text[end] in " \t":
            continue
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        context = text[max(line_start, start - CONTEXT) : min(line_end, end + CONTEXT)]
        found.append(Redaction(match.group(), start, end, context))
    return tuple(found)
