"""The console's notice desk in a real browser: from a shop's page a street officer issues
a rectification notice (责令整改通知书), records its receipt, and opens the printable notice,
which shows the signer — forms only, no script of ours on the way."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from test_pages import sign_in, sign_out, wait


def test_issue_serve_and_print_a_notice(server, desk, shoot):
    token = server.token("admin")
    located = server.api("GET", "/api/v1/locate?lat=40.12234718190999&lon=113.2818037388908")
    shop = server.api("POST", "/api/v1/shops", {
        "name": "红旗里水果店", "credit_code": "93140213MA0K3XH03G", "owner_name": "王芳", "phone": "13712345678",
        "address": "红旗街 10 号", "lat": located["lat"], "lon": located["lon"],
    }, token=token)["id"]

    sign_in(desk, server, "yongtai")
    desk.get(server.base + f"/console/shops/{shop}")
    wait(desk).until(EC.presence_of_element_located((By.ID, "issue-notice"))).click()
    form = wait(desk).until(EC.presence_of_element_located((By.ID, "issue-form")))
    for name, value in [
        ("facts", "门前摆放水果摊占用人行道约 4 平方米"), ("law", "《城市市容和环境卫生管理条例》"), ("article", "第十四条"),
        ("requirements", "撤回店内经营，恢复人行道通行"), ("deadline_working_days", "3"),
        ("officer1_name", "赵磊"), ("officer1_certificate", "14020001"), ("officer2_name", "钱明"), ("officer2_certificate", "14020002"),
    ]:
        form.find_element(By.NAME, name).send_keys(value)
    shoot(desk, "console-notice-issue")
    form.find_element(By.ID, "issue").click()
    wait(desk).until(EC.presence_of_element_located((By.ID, "serve-form")))
    assert "已下达" in desk.find_element(By.ID, "state").text
    number_text = desk.find_element(By.CSS_SELECTOR, "#notice-details dd").text
    assert "城管责改" in number_text, number_text

    # The receipt time starts at the moment the form was shown: signed on the spot.
    serve = desk.find_element(By.ID, "serve-form")
    assert serve.find_element(By.NAME, "received_at").get_attribute("value").startswith("20")
    serve.find_element(By.NAME, "signer").send_keys("王芳")
    serve.find_element(By.ID, "serve").click()
    wait(desk).until(EC.presence_of_element_located((By.ID, "reinspect-form")))
    assert "已送达" in desk.find_element(By.ID, "state").text
    assert "王芳" in desk.find_element(By.ID, "receipt").text
    shoot(desk, "console-notice")

    desk.find_element(By.ID, "print").click()
    wait(desk).until(EC.presence_of_element_located((By.ID, "notice-number")))
    assert "已送达" in desk.find_element(By.ID, "notice-state").text
    assert "王芳" in desk.find_element(By.ID, "receipt").text
    assert "撤回店内经营" in desk.find_element(By.ID, "requirements").text
    shoot(desk, "print-notice-served")
    desk.back()
    wait(desk).until(EC.presence_of_element_located((By.ID, "reinspect-form")))
    sign_out(desk)
