"""The inspect page in a real headless Chromium against a real gunicorn: what a person sees.

Debian's chromium and chromium-driver, driven by selenium with both paths given, so Selenium
Manager never looks for (or downloads) a browser. Without them the module skips, saying how to
install them; `.ci/run` installs them and sets WENJI_REQUIRE_BROWSER=1, so in CI a missing browser
fails instead. Screenshots go to tests/screenshots/ (git-ignored); the folder is printed.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, SEEDS, read_seed, seed_labels, seed_names
from servers import Server, gunicorn

pytestmark = [pytest.mark.browser, pytest.mark.server]

SCREENSHOTS = ROOT / "tests" / "screenshots"
FIXTURE = Path(__file__).resolve().parent / "data" / "document_000.json"
DESKTOP = (1280, 900)
PHONE = (390, 844)
WAIT = 10  # seconds; every step here takes well under one
# Without the background-networking flags Chromium phones home, and this machine refuses it.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)


def _find_browser() -> tuple[str, str] | None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (chromium, driver) if chromium and driver else None


@pytest.fixture(scope="module")
def browser_paths() -> tuple[str, str]:
    found = _find_browser()
    if found is None:
        message = (
            "Chromium and chromedriver are not installed, so the page is not checked in a browser "
            "(on Debian/Ubuntu: apt-get install chromium chromium-driver; .ci/run does this in CI)."
        )
        if os.environ.get("WENJI_REQUIRE_BROWSER"):
            pytest.fail(message + " WENJI_REQUIRE_BROWSER is set, so this is a failure.")
        pytest.skip(message)
    return found


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with gunicorn(workers=2) as running:
        yield running


@pytest.fixture(scope="module")
def driver(browser_paths: tuple[str, str]) -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium, chromedriver = browser_paths
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="wenji-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={DESKTOP[0]},{DESKTOP[1]}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
    browser.set_page_load_timeout(WAIT)
    try:
        yield browser
    finally:
        browser.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def page(driver: Any, server: Server) -> Any:
    """The page, freshly loaded at desktop size, its script running."""
    driver.set_window_size(*DESKTOP)
    driver.get(f"{server.url}/")
    wait_for(driver, lambda d: d.execute_script("return document.body.dataset.state") == "ready")
    driver.get_log("browser")  # start each test with an empty console
    return driver


def wait_for(driver: Any, condition: Any) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT, poll_frequency=0.05).until(condition)


def renders(driver: Any) -> int:
    return int(driver.execute_script("return document.body.dataset.renders || 0"))


def upload(driver: Any, path: Path) -> str:
    """Pick `path` with the file input, as a person would; return the state the page settles in."""
    before = renders(driver)
    driver.find_element("id", "file").send_keys(str(path))
    wait_for(driver, lambda d: renders(d) > before)
    return driver.execute_script("return document.body.dataset.state")


def response(driver: Any) -> dict[str, Any]:
    return json.loads(driver.find_element("id", "raw").get_attribute("textContent"))


def highlights(driver: Any, kind: str) -> list[dict[str, Any]]:
    return driver.execute_script(
        """return Array.from(document.querySelectorAll('#text .hl-' + arguments[0])).map(function (m) {
             return {text: m.textContent, start: +m.dataset.start, end: +m.dataset.end,
                     name: m.dataset.name || null, roles: m.dataset.roles || null};
           });""",
        kind,
    )


def popover_for(driver: Any, element: Any) -> str:
    driver.execute_script("arguments[0].focus()", element)
    popover = driver.find_element("id", "popover")
    wait_for(driver, lambda d: popover.is_displayed())
    return popover.text


def console_errors(driver: Any) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def screenshot(driver: Any, capsys: pytest.CaptureFixture[str], name: str, size: tuple[int, int]) -> Path:
    """The whole page at this width, saved under tests/screenshots/."""
    import base64

    driver.set_window_size(*size)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    width = driver.execute_script("return window.innerWidth")
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": min(height, 6000), "scale": 1},
        },
    )
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}-{size[0]}.png"
    path.write_bytes(base64.b64decode(shot["data"]))
    # Said past pytest's output capture, so the folder shows in a plain `make test` run.
    with capsys.disabled():
        print(f"\nscreenshot saved: {path}")
    return path


# ---- the page itself ---------------------------------------------------------------------------------


def test_the_page_runs_under_its_csp_with_a_clean_console(page: Any) -> None:
    # `ready` is set by the script: a blocked script (or inline code) would never get there.
    assert page.execute_script("return document.body.dataset.state") == "ready"
    page.refresh()
    wait_for(page, lambda d: d.execute_script("return document.body.dataset.state") == "ready")
    assert console_errors(page) == []


@pytest.mark.parametrize("name", seed_names())
def test_each_seed_is_drawn_at_its_offsets(page: Any, name: str) -> None:
    assert upload(page, SEEDS / name) == "done"
    document = response(page)
    # The paragraphs read back exactly the service's text: nothing lost, nothing added.
    drawn = page.execute_script(
        "return Array.from(document.querySelectorAll('#text > .para')).map(p => p.textContent).join('\\n')"
    )
    assert drawn == document["text"]
    # Each highlight sits on the characters its offsets name (a split highlight covers part of them).
    marks = page.execute_script(
        "return Array.from(document.querySelectorAll('#text mark.hl')).map(m => [m.textContent, +m.dataset.start, +m.dataset.end])"
    )
    for text, start, end in marks:
        assert text in document["text"][start:end]
    # A marker for each removed image (seed 004 has one), and the count the labels give.
    images = page.find_elements("css selector", "#text .marker")
    assert len(images) == len(document["metadata"]["image_placeholder_positions"])
    assert len(images) == seed_labels()[name]["image_placeholders"]
    assert page.find_element("id", "source-encoding").text.startswith(document["source"]["encoding"])
    assert console_errors(page) == []


@pytest.mark.parametrize("name", seed_names())
def test_each_seed_shows_its_keyword_chips(page: Any, name: str) -> None:
    assert upload(page, SEEDS / name) == "done"
    chips = [chip.text for chip in page.find_elements("css selector", "#keywords .chip")]
    assert chips, "no keyword chips"
    assert set(chips) & set(seed_labels()[name]["keywords_any_of"])
    sizes = page.execute_script(
        "return Array.from(document.querySelectorAll('#keywords .chip')).map(c => parseFloat(getComputedStyle(c).fontSize))"
    )
    assert sizes[0] == max(sizes), "the heaviest keyword is the biggest chip"


def test_the_market_regulation_report_marks_its_people_and_event_date(page: Any) -> None:
    assert upload(page, SEEDS / "000_8a59500614cd4045.txt") == "done"
    people = [mark for mark in highlights(page, "person") if mark["name"] == "姜大明"]
    assert people, "姜大明 is not highlighted as a person"
    assert "指导组组长" in people[0]["roles"]
    mark = page.find_element("css selector", '#text mark.hl-person[data-name="姜大明"]')
    assert "指导组组长" in popover_for(page, mark)
    event = highlights(page, "event-date")
    assert [mark["text"] for mark in event] == ["6月6日"]
    assert page.find_element("id", "meta-event-date").text.startswith("6月6日")


def test_the_speech_shows_its_redaction_marks_and_the_keyboard_reaches_them(page: Any) -> None:
    from selenium.webdriver.common.keys import Keys

    assert upload(page, SEEDS / "002_98f761dda7938825.txt") == "done"
    marks = highlights(page, "redaction")
    assert len(marks) >= seed_labels()["002_98f761dda7938825.txt"]["redactions_at_least"]
    assert {mark["text"] for mark in marks} <= {"*", "**", "***", "*.*", "**.**"}
    text = response(page)["text"]
    assert text[marks[0]["start"] - 3 : marks[0]["end"] + 2] == "尊敬的**组长"
    # From the last legend key, Tab reaches the first highlight of the text, then the next ones up
    # to the first redaction mark; its popover says what it is, and Esc closes it.
    page.execute_script("Array.from(document.querySelectorAll('#legend button')).pop().focus()")
    page.switch_to.active_element.send_keys(Keys.TAB)
    assert page.execute_script("return document.activeElement === document.querySelector('#text .hl')")
    for _ in range(40):
        focused = page.switch_to.active_element
        if focused.get_attribute("data-kind") == "redaction":
            break
        focused.send_keys(Keys.TAB)
    assert focused.get_attribute("data-kind") == "redaction"
    assert focused.get_attribute("data-start") == str(marks[0]["start"])
    popover = page.find_element("id", "popover")
    wait_for(page, lambda d: popover.is_displayed())
    assert "脱敏" in popover.text
    focused.send_keys(Keys.ESCAPE)
    wait_for(page, lambda d: not popover.is_displayed())


def test_an_image_shows_the_problem_title_and_detail(page: Any, tmp_path: Path) -> None:
    png = tmp_path / "photo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    assert upload(page, png) == "error"
    problem = page.find_element("id", "problem")
    assert problem.is_displayed()
    assert page.find_element("id", "problem-title").text
    assert page.find_element("id", "problem-detail").text
    assert "422" in page.find_element("id", "problem-status").text
    assert not page.find_element("id", "result").is_displayed()


def test_a_dropped_file_is_sent(page: Any) -> None:
    # Selenium cannot drag from the desktop; a drop event carrying a File is what the page sees.
    before = renders(page)
    page.execute_script(
        """const data = new DataTransfer();
           data.items.add(new File([arguments[0]], 'dropped.txt', {type: 'text/plain'}));
           document.getElementById('drop').dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true}));""",
        "6月3日下午，吉林省主题教育工作会议在长春召开。",
    )
    wait_for(page, lambda d: renders(d) > before)
    assert response(page)["source"]["filename"] == "dropped.txt"


def test_pasted_text_is_sent_as_json(page: Any) -> None:
    content = "6月6日，国家市场监督管理总局召开主题教育动员部署会。\n会议强调，要深入学习。"
    page.find_element("id", "paste").send_keys(content)
    before = renders(page)
    page.find_element("id", "paste-submit").click()
    wait_for(page, lambda d: renders(d) > before)
    assert response(page)["text"] == content
    assert page.find_element("css selector", "#text .para").text.startswith("6月6日")


# ---- the page's drawing, apart from the pipeline: a hand-made response -------------------------------


def render(driver: Any, document: dict[str, Any]) -> None:
    before = renders(driver)
    driver.execute_script("wenji.render(arguments[0])", document)
    wait_for(driver, lambda d: renders(d) > before)


def test_a_full_response_is_drawn_with_every_kind_of_fact(page: Any) -> None:
    document = json.loads(FIXTURE.read_text(encoding="utf-8"))["document"]
    render(page, document)
    jiang = [mark for mark in highlights(page, "person") if mark["name"] == "姜大明"]
    assert jiang[0]["text"] == "姜大明" and "中央第二十指导组组长" in jiang[0]["roles"]
    # The role is found right before the name, and the organization inside it is nested, not lost.
    role = page.find_element("css selector", "#text mark.hl-role")
    assert role.get_attribute("textContent") == "中央第二十指导组组长"
    assert role.find_element("css selector", "mark.hl-org").get_attribute("textContent") == "中央第二十指导组"
    tip = popover_for(page, page.find_element("css selector", '#text mark.hl-person[data-name="姜大明"]'))
    assert "中央第二十指导组组长" in tip and "role before name" in tip
    # Hovering with a mouse opens the same popover.
    from selenium.webdriver.common.action_chains import ActionChains

    page.execute_script("document.activeElement.blur()")
    ActionChains(page).move_to_element(page.find_element("css selector", "#text mark.hl-meeting")).perform()
    wait_for(page, lambda d: "以…形式召开" in d.find_element("id", "popover").text)
    assert [mark["text"] for mark in highlights(page, "event-date")] == ["6月6日"]
    assert [mark["text"] for mark in highlights(page, "meeting")] == ["电视电话会议"]
    chips = page.find_elements("css selector", "#keywords .chip")
    assert [chip.text for chip in chips] == [keyword["word"] for keyword in document["keywords"]]
    assert len(page.find_elements("css selector", "#summary li")) == 3
    meta = page.find_element("id", "meta").text
    assert "电视电话会议" in meta and "225" in meta and "news" in meta
    legend = page.find_element("id", "legend").text
    assert "人物" in legend and "机构" in legend and "事件日期" in legend


def test_crossing_spans_are_split_and_no_character_is_lost(page: Any) -> None:
    text = "一二三四五六七八\n九十"
    evidence = {"rule": "hand"}
    document = json.loads(FIXTURE.read_text(encoding="utf-8"))["document"]
    document["text"] = text
    document["paragraphs"] = [{"start": 0, "end": 8}, {"start": 9, "end": 11}]
    meta = document["metadata"]
    meta.update(event_date=None, dates=[], redactions=[], reference_numbers=[], image_placeholders=1)
    meta["people"] = [{"name": "三四五", "roles": [], "mentions": 1, "offsets": [{"start": 2, "end": 5, **evidence}]}]
    meta["organizations"] = [{"name": "四五六七", "mentions": 1, "offsets": [{"start": 3, "end": 7, **evidence}]}]
    meta["places"] = [{"name": "一二三四五六七八", "mentions": 1, "offsets": [{"start": 0, "end": 8, **evidence}]}]
    meta["meeting"] = {"format": None, "location": None, "attendance": None, "evidence": []}
    meta["image_placeholder_positions"] = [{"offset": 9, "paragraph": 1}]
    render(page, document)
    paragraphs = page.execute_script(
        "return Array.from(document.querySelectorAll('#text > .para')).map(p => p.textContent)"
    )
    assert "\n".join(paragraphs) == text
    org = "".join(mark["text"] for mark in highlights(page, "org"))
    assert org == "四五六七", "the organization crosses the person's end: split in two, whole when read"
    assert page.find_elements("css selector", "#text .para:nth-child(2) > .marker:first-child")


# ---- screenshots --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["000_8a59500614cd4045.txt", "004_e36e866b072b575a.txt"])
def test_screenshots_at_desktop_and_phone_width(page: Any, capsys: pytest.CaptureFixture[str], name: str) -> None:
    assert read_seed(name)
    assert upload(page, SEEDS / name) == "done"
    stem = name.split("_")[0]
    for size in (DESKTOP, PHONE):
        path = screenshot(page, capsys, f"seed-{stem}", size)
        assert path.stat().st_size > 10_000
    # At phone width the cards stack under the text instead of beside it.
    text = page.find_element("id", "text").rect
    card = page.find_element("id", "meta").rect
    assert card["y"] > text["y"] + text["height"] - 1
    assert page.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_screenshot_of_a_full_response(page: Any, capsys: pytest.CaptureFixture[str]) -> None:
    render(page, json.loads(FIXTURE.read_text(encoding="utf-8"))["document"])
    for size in (DESKTOP, PHONE):
        assert screenshot(page, capsys, "document-000-handmade", size).stat().st_size > 10_000
