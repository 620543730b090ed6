"""The console's contract desk in a real browser: from a shop's page draft a 门前五包
contract, see a mistake come back in the form, then sign the draft on its page."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from test_pages import sign_in, sign_out, wait


def test_draft_and_sign_a_contract(server, desk, shoot):
    token = server.token("admin")
    located = server.api("GET", "/api/v1/locate?lat=40.12234718190999&lon=113.2818037388908")
    shop = server.api("POST", "/api/v1/shops", {
        "name": "红旗里五金店", "credit_code": "92140213MA0K3XH070", "owner_name": "王刚", "phone": "13712345678",
        "address": "红旗街 20 号", "lat": located["lat"], "lon": located["lon"],
    }, token=token)["id"]

    sign_in(desk, server, "yongtai")
    desk.get(server.base + f"/console/shops/{shop}")
    wait(desk).until(EC.presence_of_element_located((By.ID, "shop-details")))
    desk.find_element(By.ID, "draft-contract").click()
    form = wait(desk).until(EC.presence_of_element_located((By.ID, "draft-form")))
    assert "包秩序" in desk.find_element(By.ID, "duties").text
    form.find_element(By.ID, "area").send_keys("门前至路缘石，东西各至相邻店铺分界线")
    form.find_element(By.ID, "length_metres").send_keys("十二")
    form.find_element(By.ID, "depth_metres").send_keys("5")
    form.find_element(By.ID, "submit-draft").click()
    errors = wait(desk).until(EC.presence_of_element_located((By.ID, "form-errors")))
    assert "应为数字" in errors.text, errors.text
    shoot(desk, "console-contract-draft-refused")

    form = desk.find_element(By.ID, "draft-form")
    length = form.find_element(By.ID, "length_metres")
    length.clear()
    length.send_keys("12")
    form.find_element(By.ID, "submit-draft").click()
    status = wait(desk).until(EC.presence_of_element_located((By.ID, "contract-status")))
    assert status.text == "未签订", status.text
    assert "草稿已保存" in desk.find_element(By.ID, "flash").text
    number = desk.current_url.split("/console/contracts/")[1].split("?")[0]
    shoot(desk, "console-contract-drafted")

    sign = desk.find_element(By.ID, "sign-form")
    sign.find_element(By.ID, "issuer_signatory").send_keys("陈静")
    sign.find_element(By.ID, "shop_signatory").send_keys("王刚")
    sign.find_element(By.ID, "submit-sign").click()
    wait(desk).until(EC.text_to_be_present_in_element((By.ID, "flash"), "签订已记录"))
    assert "陈静" in desk.find_element(By.ID, "signing").text
    assert desk.find_elements(By.ID, "renew-form"), "a signed contract offers its renewal"
    shoot(desk, "console-contract-signed")
    stored = server.api("GET", f"/api/v1/contracts/{number}", token=token)
    assert stored["contract"]["signing"]["shop_signatory"] == "王刚"
    sign_out(desk)
