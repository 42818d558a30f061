package dev.rollcall.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rollcall.it.Http.Organization;
import dev.rollcall.it.Http.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser: Debian's headless Chromium driven through chromedriver (both from
 * /usr/bin, so Selenium Manager never downloads anything). One browser serves the class; each test
 * starts signed out, in an organization of its own. Every page is scanned with axe-core (from the
 * axe-core WebJar, injected by the test) and photographed at 1280 and 390 px under
 * target/console-screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleIT {
  private static final Path SHOTS = Path.of("target", "console-screenshots");
  private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
  private static WebDriver browser;
  private static String axeSource;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL base;
  Http http;
  Organization org;
  WebDriverWait wait;

  @BeforeAll
  static void startBrowser() throws IOException {
    System.setProperty("SE_OFFLINE", "true");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("console.chromium", "/usr/bin/chromium"));
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                new java.io.File(
                    System.getProperty("console.chromedriver", "/usr/bin/chromedriver")))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    try (InputStream in = ConsoleIT.class.getClassLoader().getResourceAsStream(AXE)) {
      axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @BeforeEach
  void signedOutInANewOrganization() {
    http = Http.at(base);
    org = http.createOrganization("Browser " + UUID.randomUUID(), "admin@browser.example");
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.manage().window().setSize(new Dimension(1280, 900));
    browser.get(http.base().resolve("console/").toString());
    browser.manage().deleteAllCookies();
    browser.get(http.base().resolve("console/#signin").toString());
    browser.navigate().refresh();
  }

  @Test
  void oktaWizardToFirstUserThenRenewAndDrop() {
    signIn(org.adminToken());
    go("wizard");
    scanAndShoot("wizard-start");
    browser.findElement(By.id("wizard-create")).click();
    WebElement tokenField =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("wizard-token")));
    String token = tokenField.getAttribute("value");
    assertTrue(token.startsWith("rc_scim_"), token);
    String page = text();
    assertTrue(page.contains("Shown once"), page);
    assertTrue(page.contains("role okta_skim_provisioner was successfully created"), page);
    assertTrue(page.contains("MANAGE_MEMBERS successfully granted"), page);
    for (String step :
        List.of(
            "Provisioning",
            "SCIM connector base URL",
            "userName",
            "HTTP Header",
            "Push New Users",
            "Push Profile Updates",
            "Push Groups",
            "Profile Editor",
            "orgadmin")) {
      assertTrue(page.contains(step), "the Okta steps name " + step);
    }
    assertTrue(page.contains("/scim/v2/" + org.id()), "the steps carry the SCIM URL");
    assertTrue(page.contains("Waiting for Okta"), page);
    scanAndShoot("wizard-token");

    Reply created =
        http.scim(
            org,
            token,
            "POST",
            "/Users",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"ada@browser.example\",\"name\":{\"givenName\":\"Ada\","
                + "\"familyName\":\"Lovelace\"},\"emails\":[{\"value\":\"ada@browser.example\","
                + "\"type\":\"work\",\"primary\":true}],\"active\":true}");
    assertEquals(201, created.status(), created.body());
    wait.until(
        ExpectedConditions.textToBe(By.id("wizard-status"), "Okta connected: 1 user received"));
    // a refused request: the wizard shows the failure the provisioning log recorded
    Reply taken =
        http.scim(
            org,
            token,
            "POST",
            "/Users",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"ada@browser.example\"}");
    assertEquals(409, taken.status(), taken.body());
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("wizard-failure"), "A request from Okta failed: 409 uniqueness"));
    assertEquals(
        "Okta connected: 1 user received", browser.findElement(By.id("wizard-status")).getText());
    shoot("wizard-connected");

    go("members");
    WebElement search = browser.findElement(By.id("member-search"));
    search.sendKeys("lovelace", Keys.ENTER);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("tbody"), "ada@"));
    assertTrue(text().contains("okta"), "Managed by okta");
    scanAndShoot("members");
    browser.findElement(By.linkText("ada@browser.example")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "ada@"));
    scanAndShoot("member");

    go("activity");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("provisioning-log"), "ada@browser.example"));
    String log = browser.findElement(By.id("provisioning-log")).getText();
    assertTrue(log.contains("201") && log.contains("409 uniqueness"), log);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("audit-trail"), "CREATE SECURITY INTEGRATION"));
    scanAndShoot("activity");
    // the status filter runs over what the server sent
    new org.openqa.selenium.support.ui.Select(
            browser.findElement(By.cssSelector("#provisioning-filters select[name=status]")))
        .selectByValue("failed");
    browser.findElement(By.cssSelector("#provisioning-filters button[type=submit]")).click();
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d ->
                d.findElements(By.cssSelector("#provisioning-log td[data-label=Status]")).stream()
                    .map(WebElement::getText)
                    .allMatch(status -> status.startsWith("4") || status.startsWith("5")));
    assertTrue(browser.findElement(By.id("provisioning-log")).getText().contains("409 uniqueness"));

    go("integrations");
    assertTrue(text().contains("okta_skim_provisioner"), text());
    assertTrue(text().contains("admin@browser.example"), "the owner is listed");
    scanAndShoot("integrations");
    browser.findElement(By.xpath("//button[text()='Renew okta']")).click();
    WebElement renewed =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("wizard-token")));
    String newToken = renewed.getAttribute("value");
    assertNotEquals(token, newToken);
    assertEquals(401, http.scim(org, token, "GET", "/Users", null).status());
    assertEquals(200, http.scim(org, newToken, "GET", "/Users", null).status());

    browser.findElement(By.xpath("//button[text()='Drop okta']")).click();
    WebElement confirm =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog input")));
    WebElement dropButton = browser.findElement(By.cssSelector("dialog button[type=submit]"));
    confirm.sendKeys("okt");
    assertFalse(dropButton.isEnabled(), "dropping needs the whole name typed");
    shoot("integrations-drop");
    confirm.sendKeys("a");
    dropButton.click();
    wait.until(
        ExpectedConditions.invisibilityOfElementLocated(By.xpath("//button[text()='Drop okta']")));
    assertEquals(401, http.scim(org, newToken, "GET", "/Users", null).status());
  }

  @Test
  void aWrongTokenIsRefusedBesideTheField() {
    wait.until(ExpectedConditions.presenceOfElementLocated(By.name("organizationId")))
        .sendKeys(org.id());
    browser.findElement(By.name("token")).sendKeys("rc_api_wrong", Keys.ENTER);
    WebElement error =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".field-error:not([hidden])")));
    assertTrue(error.getText().contains("not valid"), error.getText());
    WebElement token = browser.findElement(By.name("token"));
    assertEquals("true", token.getAttribute("aria-invalid"));
    assertTrue(token.getAttribute("aria-describedby").contains(error.getAttribute("id")));
    scanAndShoot("sign-in-refused");
  }

  @Test
  void aUseradminIsNotOfferedOrgadminOnlyActions() {
    http.ok(
        org, org.adminToken(), "INVITE USER 'helper@browser.example' WITH ('role' = useradmin)");
    http.ok(org, org.adminToken(), "CREATE ROLE analysts");
    String helper =
        http.ok(
                org,
                org.adminToken(),
                "CREATE API_TOKEN helper WITH ('user' = 'helper@browser.example')")
            .column("Token")
            .get(0);
    signIn(helper);

    go("roles/analysts");
    assertTrue(browser.findElements(By.id("grant-title")).isEmpty(), "no privilege grants");
    assertFalse(browser.findElements(By.xpath("//button[text()='Drop analysts']")).isEmpty());

    go("members/admin@browser.example");
    List<String> offered =
        browser.findElements(By.cssSelector("select option")).stream()
            .map(WebElement::getText)
            .toList();
    assertTrue(offered.contains("analysts"), offered.toString());
    assertTrue(offered.contains("useradmin"), offered.toString());
    assertFalse(offered.contains("orgadmin"), offered.toString());
    assertFalse(offered.contains("securityadmin"), offered.toString());
    assertTrue(
        browser.findElements(By.xpath("//button[text()='Revoke orgadmin']")).isEmpty(),
        "a useradmin cannot revoke orgadmin");

    go("activity");
    assertFalse(text().contains("Audit trail"), "the audit trail needs MANAGE_GRANTS");
  }

  @Test
  void theWizardByKeyboardAlone() {
    WebElement orgField =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("organizationId")));
    orgField.sendKeys(org.id(), Keys.TAB);
    active().sendKeys(org.adminToken(), Keys.ENTER);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Integrations"));

    // from the page's heading back up into the navigation
    tabTo(e -> "#wizard".equals(e.getDomAttribute("href")), true).sendKeys(Keys.ENTER);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("wizard-create")));
    WebElement okta = tabTo(e -> "client-OKTA".equals(e.getAttribute("id")), false);
    okta.sendKeys(Keys.ARROW_DOWN);
    assertEquals("client-ENTRA_ID", active().getAttribute("id"));
    assertEquals("entra", browser.findElement(By.id("wizard-name")).getAttribute("value"));
    tabTo(e -> "wizard-create".equals(e.getAttribute("id")), false).sendKeys(Keys.ENTER);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("wizard-token")));
    assertEquals("wizard-step-2", active().getAttribute("id"), "focus moves to the result");
    String page = text();
    for (String step : List.of("Tenant URL", "Secret Token", "Scope", "Mappings")) {
      assertTrue(page.contains(step), "the Entra ID steps name " + step);
    }
    WebElement copy = tabTo(e -> "Copy Token".equals(e.getText()), false);
    assertEquals("button", copy.getTagName());
    shoot("wizard-entra");
  }

  @Test
  void everyPageHasNoSeriousAccessibilityViolations() {
    scanAndShoot("sign-in");
    http.ok(org, org.adminToken(), "CREATE ROLE analysts");
    http.ok(org, org.adminToken(), "GRANT USAGE ON ORGANIZATION TO ROLE analysts");
    signIn(org.adminToken());
    for (String page :
        List.of("integrations", "members", "roles", "roles/analysts", "statements")) {
      go(page);
      scanAndShoot(page.replace('/', '-'));
    }
    WebElement statement = browser.findElement(By.id("statement-text"));
    statement.sendKeys("LIST ROLES");
    statement.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("statement-output"), "+===="));
    assertTrue(browser.findElement(By.id("statement-output")).getText().contains("analysts"));
    shoot("statements-result");
    statement.clear();
    statement.sendKeys("LIST NONSENSE", Keys.chord(Keys.CONTROL, Keys.ENTER));
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector(".field-error:not([hidden])")));
    scanAndShoot("statements-error");
  }

  @Test
  void aSetupLinkOpensTheWizardOnceAndNothingElse() {
    Reply link =
        http.send(
            "POST",
            "api/v1/organizations/" + org.id() + "/setup-links",
            Http.operatorToken(),
            "application/json",
            null,
            "{\"adminEmail\":\"admin@browser.example\"}");
    assertEquals(201, link.status(), link.body());
    String url =
        link.json().getString("url").replaceFirst("^https?://[^/]+/", http.base().toString());
    browser.get(url);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("wizard-create")));
    assertFalse(browser.getCurrentUrl().contains("rc_setup_"), "the code leaves the address bar");
    assertFalse(browser.findElement(By.cssSelector("#nav a[href='#members']")).isDisplayed());
    scanAndShoot("setup-link-wizard");
    browser.get(url);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "cannot be used"));
  }

  // ---- helpers ----

  private void signIn(String token) {
    wait.until(ExpectedConditions.presenceOfElementLocated(By.name("organizationId")))
        .sendKeys(org.id());
    browser.findElement(By.name("token")).sendKeys(token, Keys.ENTER);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("who")));
  }

  /** Follows an in-page link to the route, as the navigation does, and waits for its heading. */
  private void go(String route) {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    js.executeScript(
        "document.querySelector('h1').setAttribute('data-old', '');"
            // already there (sign-in lands on Integrations): the page is shown again
            + "if (location.hash === '#' + arguments[0]) {"
            + "  window.dispatchEvent(new HashChangeEvent('hashchange'));"
            + "} else { location.hash = arguments[0]; }",
        route);
    wait.until(
        d ->
            (Boolean)
                js.executeScript(
                    "const h = document.querySelector('h1');"
                        + "return h && !h.hasAttribute('data-old') && h === document.activeElement"
                        + " && h.textContent !== 'Sign in';"));
  }

  private String text() {
    return browser.findElement(By.tagName("body")).getText();
  }

  private WebElement active() {
    return browser.switchTo().activeElement();
  }

  /** Presses Tab (or Shift+Tab) until the focused element passes the test; at most 60 times. */
  private WebElement tabTo(Predicate<WebElement> target, boolean backwards) {
    for (int i = 0; i < 60; i++) {
      new Actions(browser)
          .sendKeys(backwards ? Keys.chord(Keys.SHIFT, Keys.TAB) : Keys.TAB)
          .perform();
      WebElement focused = active();
      if (target.test(focused)) {
        return focused;
      }
    }
    throw new AssertionError("Tab never reached the element");
  }

  /** axe-core's serious and critical violations on the current page, at both widths. */
  private void scanAndShoot(String name) {
    for (int width : new int[] {1280, 390}) {
      browser.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 900));
      ((JavascriptExecutor) browser).executeScript(axeSource);
      Object violations =
          ((JavascriptExecutor) browser)
              .executeAsyncScript(
                  "const done = arguments[arguments.length - 1];"
                      + "axe.run(document, {resultTypes: ['violations']}).then(r => done("
                      + "r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                      + ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"
                      + ".join('\\n')));");
      assertEquals("", violations, name + " at " + width + " px");
      save(name + "-" + width);
    }
    browser.manage().window().setSize(new Dimension(1280, 900));
  }

  private void shoot(String name) {
    save(name + "-1280");
  }

  private void save(String name) {
    try {
      Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
