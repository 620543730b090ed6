"""The printable A4 documents of the shop duties in a real browser: the 门前五包 contract and
the rectification notice lay out on one sheet of A4 on screen, and print to A4 PDF pages
without the toolbar."""
import base64
import re

from selenium.webdriver.common.by import By

from test_pages import sign_in, wait
from selenium.webdriver.support import expected_conditions as EC

A4_WIDTH_PX = 794  # 210 mm at 96 px per inch


def registered_shop(server, token):
    located = server.api("GET", "/api/v1/locate?lat=40.08&lon=113.30")
    shop = server.api("POST", "/api/v1/shops", {
        "name": "永泰便利店", "credit_code": "91140213MA0K3XH01G", "owner_name": "张小明", "phone": "13812341234",
        "address": "永泰南路 12 号", "lat": located["lat"], "lon": located["lon"],
    }, token=token)
    return shop["id"]


def pdf_pages(browser):
    pdf = browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": False})
    data = base64.b64decode(pdf["data"])
    return data, data.count(b"/Type /Page\n") + data.count(b"/Type /Page\r") + data.count(b"/Type /Page>>") + data.count(b"/Type /Page ")


def test_contract_and_notice_print_on_a4(server, desk, shoot):
    token = server.token("admin")
    shop = registered_shop(server, token)
    contract = server.api("POST", f"/api/v1/shops/{shop}/contracts", {
        "area": "门前至路缘石", "length_metres": 12, "depth_metres": 5, "valid_from": "2027-01-01", "valid_until": "2027-12-31",
    }, token=token)["contract"]["number"]
    notice = server.api("POST", f"/api/v1/shops/{shop}/notices", {
        "facts": "门前堆放货物占用人行道", "requirements": "清除堆放物", "deadline_working_days": 5,
        "rule": {"law": "《城市市容和环境卫生管理条例》", "article": "第十四条"},
        "officers": [{"name": "赵磊", "certificate": "14020001"}, {"name": "钱明", "certificate": "14020002"}],
    }, token=token)["number"]

    sign_in(desk, server, "admin")
    for path, marker, name in [
        (f"/contracts/{contract}/print", "contract-number", "print-contract"),
        (f"/notices/{notice}/print", "notice-number", "print-notice"),
    ]:
        desk.get(server.base + path)
        wait(desk).until(EC.presence_of_element_located((By.ID, marker)))
        sheet = desk.find_element(By.CSS_SELECTOR, "article.sheet")
        assert abs(sheet.size["width"] - A4_WIDTH_PX) <= 2, sheet.size
        assert desk.find_element(By.CSS_SELECTOR, ".toolbar").is_displayed()
        shoot(desk, name)
        data, pages = pdf_pages(desk)
        assert data.startswith(b"%PDF")
        assert pages >= 1
        # A4 is 595 × 842 points; Chromium writes the page box of every page.
        boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
        assert boxes, data[:2000]
        assert all(abs(float(w) - 595.3) < 2 and abs(float(h) - 841.9) < 2 for w, h in boxes), boxes
    desk.get(server.base + f"/contracts/{contract}/print")
    assert len(desk.find_elements(By.CSS_SELECTOR, "#duties > li")) == 5
