"""The vaccination desk in a real browser: a grid worker books a slot for a resident, then
the health worker records the dose at the site (identity, consent, the contraindication
checklist) and sees when the 30-minute observation ends — all without scripts and inside
the content security policy."""
import datetime

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from test_pages import sign_in, sign_out, wait

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_number(area, birth, sequence):
    """A valid GB 11643 identity number: area, birth date, sequence and its check character."""
    body = f"{area}{birth}{sequence:03d}"
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, WEIGHTS)) % 11]


def test_book_a_slot_and_record_the_dose_at_the_site(server, desk, shoot):
    token = server.token("health")
    resident = server.api("POST", "/api/v1/vaccination/residents", {
        "grid_code": "140213003001001", "household": "红旗街 8 号", "name": "赵<b>小燕</b>",
        "id_number": id_number("140213", "19850612", 321), "phone": "13987654321",
    }, token)
    site = server.api("POST", "/api/v1/vaccination/sites", {
        "name": "红旗里浏览器测试接种点", "kind": "fixed", "community_code": "140213003001", "address": "红旗街 3 号",
        "opens_at": "08:00", "closes_at": "12:00", "slot_minutes": 30, "capacity_per_slot": 5,
    }, token)["site"]
    page = server.base + f"/console/vaccination/residents/{resident['id']}"
    tomorrow = (datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))) + datetime.timedelta(days=1)).date()

    sign_in(desk, server, "gridworker")
    desk.get(page)
    form = wait(desk).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#book form")))
    Select(form.find_element(By.NAME, "site")).select_by_value(site["id"])
    day = form.find_element(By.NAME, "day")
    desk.execute_script("arguments[0].value = arguments[1]", day, tomorrow.isoformat())
    slot = form.find_element(By.NAME, "slot")
    desk.execute_script("arguments[0].value = '09:00'", slot)
    Select(form.find_element(By.NAME, "vaccine")).select_by_value("inactivated-vero")
    shoot(desk, "60-vaccination-book")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    flash = wait(desk).until(EC.presence_of_element_located((By.ID, "flash")))
    assert "notice good" in flash.get_attribute("class"), flash.text
    assert "赵<b>小燕</b>" in desk.find_element(By.ID, "resident-name").text, "the name is text, not markup"
    desk.get(server.base + f"/console/vaccination/sites/{site['id']}?day={tomorrow.isoformat()}")
    free = desk.find_element(By.XPATH, "//table[@id='slots']//tr[td[1]='09:00']/td[@class='free']").text
    assert free == "4"
    sign_out(desk)

    # The health worker has no case queues: signing in lands on the vaccination desk.
    desk.get(server.base + "/console/login")
    desk.find_element(By.ID, "username").send_keys("health")
    desk.find_element(By.ID, "password").send_keys("xiuhua2026")
    desk.find_element(By.CSS_SELECTOR, "form button[type=submit].primary").click()
    wait(desk).until(EC.presence_of_element_located((By.ID, "search")))
    assert desk.current_url.endswith("/console/vaccination")
    desk.get(page)
    form = wait(desk).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#dose form")))
    form.find_element(By.NAME, "lot").send_keys("202611B")
    form.find_element(By.NAME, "identity_checked").click()
    form.find_element(By.NAME, "consent_signed").click()
    for radio in form.find_elements(By.CSS_SELECTOR, "input[type=radio][value=no]"):
        radio.click()
    shoot(desk, "61-vaccination-at-the-site")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    flash = wait(desk).until(EC.presence_of_element_located((By.ID, "flash")))
    assert "notice good" in flash.get_attribute("class"), flash.text
    observation = desk.find_element(By.CSS_SELECTOR, "#doses td.observation").text
    given = desk.find_element(By.XPATH, "//section[@id='doses']//td[@class='observation']/preceding-sibling::td[1]").text
    fmt = "%Y-%m-%d %H:%M"
    assert datetime.datetime.strptime(observation, fmt) - datetime.datetime.strptime(given, fmt) == datetime.timedelta(minutes=30)
    assert "已接种" in desk.find_element(By.ID, "appointments").text
    shoot(desk, "62-vaccination-dose-recorded")
    sign_out(desk)
