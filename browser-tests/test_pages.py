"""The web pages as people use them: a citizen reports from a phone, staff work the case
through the console, the citizen sees the closure and rates it, the wall screen follows
along without reloading, and hostile text stays text."""
import struct
import tempfile
import time
import zlib
from pathlib import Path

import pytest
from selenium.common.exceptions import NoAlertPresentException, StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

XSS = "<script>alert(1)</script>"
ADDRESS = "永泰街道红旗里社区红旗街12号，原武警招待所院内"


def png(path, width, height, colour):
    """A real PNG photo (a shaded block), written without any imaging library."""
    rows = b"".join(
        b"\x00" + bytes(max(0, min(255, c + (x + y) // 6 - 40)) for x in range(width) for c in colour)
        for y in range(height)
    )

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    Path(path).write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    return str(path)


def wait(browser, seconds=10):
    # A condition that reads an element while the page is being replaced after a submit may
    # hold the old page's element for a moment: look again rather than fail. Chromium
    # sometimes reports that moment as a bare "unhandled inspector error" instead of a stale
    # element, so any driver error is looked past until the wait's time is up (the wait
    # still fails then).
    return WebDriverWait(browser, seconds, ignored_exceptions=[StaleElementReferenceException, WebDriverException])


def no_alert(browser):
    try:
        browser.switch_to.alert
    except NoAlertPresentException:
        return True
    return False


def sign_in(browser, server, username):
    browser.get(server.base + "/console/login")
    browser.find_element(By.ID, "username").send_keys(username)
    browser.find_element(By.ID, "password").send_keys("xiuhua2026")
    browser.find_element(By.CSS_SELECTOR, "form button[type=submit].primary").click()
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".tabs")))


def sign_out(browser):
    browser.find_element(By.CSS_SELECTOR, "form[action='/console/logout'] button").click()
    wait(browser).until(EC.presence_of_element_located((By.ID, "username")))


def act(browser, server, username, number, action, fill=None, shot=None, shoot=None):
    """Signs in as `username`, opens the case from its queue and takes `action`."""
    sign_in(browser, server, username)
    browser.get(server.base + f"/console/cases/{number}")
    form = wait(browser).until(EC.presence_of_element_located((By.ID, f"act-{action}")))
    if fill:
        fill(form)
    if shot:
        shoot(browser, shot)
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait(browser).until(EC.presence_of_element_located((By.ID, "flash")))
    assert "notice good" in browser.find_element(By.ID, "flash").get_attribute("class"), browser.find_element(By.ID, "flash").text
    sign_out(browser)


@pytest.fixture(scope="module")
def photos():
    directory = Path(tempfile.mkdtemp(prefix="xiuhua-photos-"))
    return {
        "before": png(directory / "before.png", 320, 240, (150, 110, 70)),
        "after": png(directory / "after.png", 320, 240, (70, 150, 90)),
        # A GIF named like a camera's JPEG: the server reads the type from the content.
        "not-a-photo": str(write(directory / "IMG_0001.jpg", b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00,"
                                 b"\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")),
    }


def write(path, data):
    Path(path).write_bytes(data)
    return path


def loaded(browser, selector):
    """The natural widths of the images matching selector, once the browser has decoded them."""
    images = browser.find_elements(By.CSS_SELECTOR, selector)
    wait(browser).until(lambda b: all(b.execute_script("return arguments[0].complete", image) for image in images))
    return [browser.execute_script("return arguments[0].naturalWidth", image) for image in images]


@pytest.fixture(scope="module")
def filed(server, phone, photos, shoot):
    """A citizen reports a problem with a photo on a 375 px phone and gets a ticket code."""
    phone.get(server.base + "/report")
    assert phone.execute_script("return document.documentElement.lang") == "zh-CN"
    wait(phone).until(lambda b: b.find_element(By.CSS_SELECTOR, "[data-map] path"))
    shoot(phone, "01-citizen-report-empty")
    search = phone.find_element(By.ID, "category-search")
    search.send_keys("垃圾")
    chosen = Select(phone.find_element(By.ID, "category")).first_selected_option
    assert "垃圾" in chosen.text
    phone.find_element(By.ID, "description").send_keys("院内杂草丛生、垃圾堆积，已经两个多月。" + XSS)
    phone.find_element(By.ID, "photo").send_keys(photos["before"])
    phone.find_element(By.ID, "address").send_keys(ADDRESS)
    phone.find_element(By.ID, "phone").send_keys("13812345678")
    shoot(phone, "02-citizen-report-filled")
    phone.find_element(By.CSS_SELECTOR, "form.report button[type=submit]").click()
    code = wait(phone).until(EC.presence_of_element_located((By.ID, "ticket-code"))).text.strip()
    assert len(code) >= 6
    number = phone.find_element(By.XPATH, "//dt[.='案件编号']/following-sibling::dd[1]").text.strip()
    shoot(phone, "03-citizen-ticket-filed")
    return {"code": code, "number": number}


def test_citizen_gets_a_ticket_on_a_phone(server, phone, filed):
    assert phone.execute_script("return document.documentElement.scrollWidth") <= 375, "the page scrolls sideways on a phone"
    assert phone.find_element(By.ID, "status").text == "受理中"
    assert phone.find_elements(By.CSS_SELECTOR, ".photos img"), "the photo is shown"
    # The phone number never appears on the citizen's public page.
    assert "13812345678" not in phone.page_source


def test_a_file_that_is_not_a_photo_is_refused(server, phone, photos, shoot):
    phone.get(server.base + "/report")
    wait(phone).until(lambda b: b.find_element(By.CSS_SELECTOR, "[data-map] path"))
    phone.find_element(By.ID, "category-search").send_keys("垃圾")
    phone.find_element(By.ID, "description").send_keys("门口垃圾没人清")
    phone.find_element(By.ID, "photo").send_keys(photos["not-a-photo"])
    phone.find_element(By.ID, "address").send_keys(ADDRESS)
    phone.find_element(By.CSS_SELECTOR, "form.report button[type=submit]").click()
    error = wait(phone).until(lambda b: b.find_element(By.ID, "photo-error"))
    assert "JPEG、PNG 或 WebP" in error.text
    assert not phone.find_elements(By.ID, "ticket-code"), "no case was filed"
    shoot(phone, "05-citizen-report-wrong-photo")


def test_tapping_the_map_locates_the_point(server, phone, shoot):
    phone.get(server.base + "/report")
    svg = wait(phone).until(lambda b: b.find_element(By.CSS_SELECTOR, "[data-map] svg path") and b.find_element(By.CSS_SELECTOR, "[data-map] svg"))
    time.sleep(0.3)
    svg.click()
    wait(phone).until(lambda b: b.find_element(By.ID, "location-status").text)
    status = phone.find_element(By.ID, "location-status").text
    assert "街道" in status, status
    assert phone.find_element(By.ID, "lat").get_attribute("value")
    shoot(phone, "04-citizen-map-picked", full_page=False)


def test_the_description_renders_as_text(server, phone, desk, filed):
    phone.get(server.base + f"/ticket/{filed['code']}")
    assert XSS in phone.find_element(By.CSS_SELECTOR, ".description").text
    assert no_alert(phone)
    assert phone.execute_script("return document.querySelectorAll('.description script').length") == 0


def test_the_loop_closes_through_the_console(server, desk, phone, filed, photos, shoot):
    number = filed["number"]
    # The grid worker sees the report in the verify queue.
    sign_in(desk, server, "gridworker")
    shoot(desk, "10-console-gridworker-queue")
    assert number in desk.find_element(By.CSS_SELECTOR, "table.cases").text
    desk.find_element(By.LINK_TEXT, number).click()
    wait(desk).until(lambda b: b.find_element(By.CSS_SELECTOR, ".map svg .case-cell"))
    assert XSS in desk.find_element(By.ID, "case-description").text and no_alert(desk)
    shoot(desk, "11-console-case-to-verify")
    sign_out(desk)

    act(desk, server, "gridworker", number, "verify")
    # The duty chief is offered exactly what the workflow allows, nothing else.
    token = server.token("dutychief")
    allowed = server.api("GET", f"/api/v1/cases/{number}", token=token)["allowed_actions"]
    sign_in(desk, server, "dutychief")
    desk.get(server.base + f"/console/cases/{number}")
    offered = [e.get_attribute("value") for e in desk.find_elements(By.CSS_SELECTOR, "form.action input[name=action]")]
    assert offered == allowed
    assert "dispatch" not in offered and "close" not in offered
    sign_out(desk)

    act(desk, server, "dutychief", number, "accept", shot="12-console-accept", shoot=shoot)
    act(desk, server, "dispatcher", number, "dispatch",
        fill=lambda form: Select(form.find_element(By.NAME, "owner")).select_by_value("dept:huanwei"),
        shot="13-console-dispatch", shoot=shoot)

    def handled(form):
        form.find_element(By.NAME, "note").send_keys("已清理杂草和垃圾，共清运 3 车。")
        form.find_element(By.NAME, "photos").send_keys(photos["after"])
    act(desk, server, "huanwei", number, "handle", fill=handled, shot="14-console-handle", shoot=shoot)
    act(desk, server, "gridworker", number, "check", shot="15-console-check", shoot=shoot)
    act(desk, server, "dutychief", number, "close")

    sign_in(desk, server, "dutychief")
    desk.get(server.base + f"/console/cases/{number}")
    assert desk.find_element(By.ID, "case-state").text == "已结案"
    assert desk.find_elements(By.CSS_SELECTOR, "#photos-before img") and desk.find_elements(By.CSS_SELECTOR, "#photos-after img")
    # The stored files are the photos themselves: the browser decodes them at full size.
    assert loaded(desk, "#photos-before img") == [320] and loaded(desk, "#photos-after img") == [320]
    assert desk.find_elements(By.ID, "no-actions")
    shoot(desk, "16-console-case-closed")
    sign_out(desk)

    # The citizen sees the closure and rates it.
    phone.get(server.base + f"/ticket/{filed['code']}")
    assert phone.find_element(By.ID, "status").text == "已办结，待评价"
    assert loaded(phone, "#ticket-photos-before img") == [320], "the citizen sees the photo of the problem"
    assert loaded(phone, "#ticket-photos-after img") == [320], "and the photo of the fix"
    shoot(phone, "20-citizen-ticket-closed")
    phone.find_element(By.CSS_SELECTOR, "#rate input[value=satisfied]").click()
    phone.find_element(By.CSS_SELECTOR, "#rate button[type=submit]").click()
    wait(phone).until(lambda b: b.find_element(By.ID, "status").text == "已办结")
    assert "感谢您的评价" in phone.find_element(By.ID, "timeline").text
    shoot(phone, "21-citizen-ticket-rated")


def test_the_dashboard_updates_without_reload(server, wall, shoot):
    sign_in(wall, server, "supervisor")
    wall.get(server.base + "/dashboard")
    wait(wall).until(lambda b: b.find_element(By.CSS_SELECTOR, "[data-map] svg .area-street"))
    before = int(wall.find_element(By.ID, "open-total").text)
    intake_before = int(wall.find_element(By.ID, "intake-total").text)
    wall.execute_script("window.notReloaded = true")
    shoot(wall, "30-dashboard-before", full_page=False)
    token = server.token("operator")
    server.api("POST", "/api/v1/cases", {
        "source": "hotline", "category": "06010", "description": "热线：小区门口垃圾堆积",
        "lat": 40.12234718190999, "lon": 113.2818037388908, "address": "红旗街",
        "reporter_name": "张三", "reporter_phone": "13812345678",
    }, token=token)
    wait(wall, 15).until(lambda b: int(b.find_element(By.ID, "open-total").text) == before + 1)
    assert int(wall.find_element(By.ID, "intake-total").text) == intake_before + 1
    assert wall.execute_script("return window.notReloaded === true")
    wait(wall).until(lambda b: b.find_elements(By.CSS_SELECTOR, "[data-map] svg .cell.hot"))
    shoot(wall, "31-dashboard-after", full_page=False)


def test_public_board_ranks_and_shows_before_after(server, phone, desk, shoot):
    desk.get(server.base + "/board")
    assert desk.find_element(By.ID, "street-ranking")
    assert desk.find_elements(By.CSS_SELECTOR, "#recently-closed img")
    shoot(desk, "40-board")
    phone.get(server.base + "/board")
    assert phone.execute_script("return document.documentElement.scrollWidth") <= 375
    shoot(phone, "41-board-phone")


def test_english_switch(server, phone, shoot):
    phone.get(server.base + "/report")
    phone.find_element(By.CSS_SELECTOR, "a.lang").click()
    wait(phone).until(lambda b: b.execute_script("return document.documentElement.lang") == "en")
    assert "Report a city problem" in phone.find_element(By.TAG_NAME, "h1").text
    shoot(phone, "42-citizen-report-english")
    phone.find_element(By.CSS_SELECTOR, "a.lang").click()
    wait(phone).until(lambda b: b.execute_script("return document.documentElement.lang") == "zh-CN")


def test_login_is_rate_limited(server, desk, shoot):
    # A made-up user: the throttle then refuses that name only, and the later tests can
    # still sign in as the demo accounts on the same server.
    for attempt in range(6):
        desk.get(server.base + "/console/login")
        desk.find_element(By.ID, "username").send_keys("intruder")
        desk.find_element(By.ID, "password").send_keys(f"wrong-{attempt}")
        desk.find_element(By.CSS_SELECTOR, "form button[type=submit].primary").click()
        wait(desk).until(EC.presence_of_element_located((By.ID, "login-error")))
    message = desk.find_element(By.ID, "login-error").text
    assert "登录失败次数过多" in message, message
    shoot(desk, "43-console-login-limited")


def test_pages_keep_to_the_content_security_policy(server, desk, shoot):
    """Every script and style comes from /assets/: the pages outside the web frame too (the
    home page and the printable monthly report) are styled, and nothing is refused."""
    from conftest import assert_no_csp_violations
    desk.get(server.base + "/")
    assert desk.execute_script("return getComputedStyle(document.querySelector('h1')).color") == "rgb(139, 26, 26)"
    assert_no_csp_violations(desk)
    assert "script-src 'self'" in desk.execute_script(
        "var r = new XMLHttpRequest(); r.open('GET', '/report', false); r.send(); return r.getResponseHeader('Content-Security-Policy')")
    for path in ("/report", "/ticket", "/board"):
        desk.get(server.base + path)
        assert_no_csp_violations(desk)
    shoot(desk, "44-home-under-csp")
