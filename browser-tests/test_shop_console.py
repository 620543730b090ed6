"""The console's shop pages in a real browser: open a shop, inspect it with the 门前五包
checklist, fail an item, and open that item's case, without a script of ours on the way."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from test_pages import sign_in, sign_out, wait


def test_inspect_a_shop_and_open_the_case_of_a_failed_item(server, desk, shoot):
    token = server.token("admin")
    # 红旗里社区 of 永泰街道, where the street officer inspects and sees the cases.
    located = server.api("GET", "/api/v1/locate?lat=40.12234718190999&lon=113.2818037388908")
    shop = server.api("POST", "/api/v1/shops", {
        "name": "红旗里早点铺", "credit_code": "92140213MA0K3XH02G", "owner_name": "李红", "phone": "13912345678",
        "address": "红旗街 8 号", "lat": located["lat"], "lon": located["lon"],
    }, token=token)["id"]

    sign_in(desk, server, "yongtai")
    desk.get(server.base + "/console/shops?q=" + "早点")
    wait(desk).until(EC.presence_of_element_located((By.ID, "shops")))
    shoot(desk, "console-shops")
    desk.find_element(By.LINK_TEXT, "红旗里早点铺").click()
    wait(desk).until(EC.presence_of_element_located((By.ID, "shop-details")))
    assert "13912345678" in desk.find_element(By.ID, "phone").text, "the street officer sees the keeper's phone"
    shoot(desk, "console-shop")

    desk.find_element(By.ID, "inspect-mqwb").click()
    form = wait(desk).until(EC.presence_of_element_located((By.ID, "inspection-form")))
    form.find_element(By.CSS_SELECTOR, "input[name='result.zhixu.outside'][value='fail']").click()
    findings = form.find_element(By.NAME, "findings.zhixu.outside")
    findings.clear()
    findings.send_keys("2")
    form.find_element(By.NAME, "note.zhixu.outside").send_keys("门口摆放货架两处")
    shoot(desk, "console-inspection-form")
    form.find_element(By.CSS_SELECTOR, "button[type=submit].primary").click()
    score = wait(desk).until(EC.presence_of_element_located((By.ID, "score")))
    assert "90 / 100" in score.text, score.text
    shoot(desk, "console-inspection")

    desk.find_element(By.ID, "open-zhixu.outside").click()
    link = wait(desk).until(EC.presence_of_element_located((By.ID, "opened-case")))
    number = link.text.split()[-1]
    link.click()
    wait(desk).until(EC.presence_of_element_located((By.CSS_SELECTOR, "main h1")))
    assert number in desk.find_element(By.CSS_SELECTOR, "main").text
    shoot(desk, "console-inspection-case")
    lines = server.api("GET", f"/api/v1/shops/{shop}/inspections", token=token)["items"][0]["lines"]
    assert [line["case_number"] for line in lines if line["item"] == "zhixu.outside"] == [number]
    sign_out(desk)
