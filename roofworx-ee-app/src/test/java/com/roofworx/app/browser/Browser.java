package com.roofworx.app.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A headless Chromium (Debian's chromium and chromium-driver) sized and behaving like a phone, 360 px wide,
 * with the steps a worker takes in the field app.
 */
public final class Browser implements AutoCloseable {
    public static final int WIDTH = 360;
    public static final int HEIGHT = 740;
    /** 400 ms latency and 400 kbit/s each way: a poor 3G link. */
    public static final int SLOW_3G_BYTES_PER_SECOND = 50 * 1024;

    public final ChromeDriver driver;
    private final URI base;

    public Browser(URI base) {
        this.base = base;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-extensions", "--no-first-run", "--disable-background-networking",
                "--disable-features=Translate,MediaRouter,OptimizationHints", "--lang=en-GB",
                "--window-size=" + WIDTH + "," + HEIGHT);
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                Map.of("width", WIDTH, "height", HEIGHT, "pixelRatio", 2.0, "touch", true)));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    public URI base() {
        return base;
    }

    public void open(String hash) {
        driver.get(base + (hash == null ? "" : hash));
    }

    /** Signs in through the demo identity provider's page as {@code email}; answers once the app shows its tabs. */
    public void signIn(String email) {
        open("");
        click(By.id("sign-in"));
        pickDemoUser(email);
    }

    public void pickDemoUser(String email) {
        click(By.cssSelector("button[data-email='" + email + "']"));
        waitFor(Duration.ofSeconds(20), () -> driver.findElement(By.id("tabs")).isDisplayed());
    }

    /** Waits until the service worker controls the page, so the app opens offline from here on. */
    public void awaitServiceWorker() {
        Object ok = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "navigator.serviceWorker.ready.then(() => {"
                + "  if (navigator.serviceWorker.controller) done(true);"
                + "  else navigator.serviceWorker.addEventListener('controllerchange', () => done(true));"
                + "});");
        if (!Boolean.TRUE.equals(ok)) {
            throw new AssertionError("no service worker took control");
        }
    }

    public void offline() {
        driver.setNetworkConditions(new ChromiumNetworkConditions().setOffline(true)
                .setLatency(Duration.ZERO).setDownloadThroughput(-1).setUploadThroughput(-1));
    }

    public void slow3g() {
        driver.setNetworkConditions(new ChromiumNetworkConditions().setOffline(false)
                .setLatency(Duration.ofMillis(400)).setDownloadThroughput(SLOW_3G_BYTES_PER_SECOND)
                .setUploadThroughput(SLOW_3G_BYTES_PER_SECOND));
    }

    public void online() {
        driver.deleteNetworkConditions();
    }

    /** Fills in the new-entry form and taps Save; answers right after the tap. */
    public void submit(String project, int hours, int minutes, String notes) {
        if (driver.findElements(By.id("save")).isEmpty()) {
            driver.findElement(By.cssSelector("#tabs a[data-route='new']")).click();
        }
        WebElement label = waitForElement(By.xpath("//label[contains(@class,'project')][.//strong[normalize-space()='"
                + project + "']]"));
        tap(label);
        fillIn(hours, minutes, notes);
    }

    /** Sets the open form's time and notes, and taps Save. */
    public void fillIn(int hours, int minutes, String notes) {
        WebElement h = driver.findElement(By.id("hours"));
        h.clear();
        h.sendKeys(Integer.toString(hours));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("minutes")))
                .selectByValue(Integer.toString(minutes));
        WebElement n = driver.findElement(By.id("notes"));
        n.clear();
        n.sendKeys(notes);
        tap(driver.findElement(By.id("save")));
    }

    public WebElement toast() {
        return driver.findElement(By.id("toast"));
    }

    public void goTo(String route) {
        tap(driver.findElement(By.cssSelector("#tabs a[data-route='" + route + "']")));
    }

    /** The entry rows of My entries whose text holds {@code text}, by state. */
    public List<WebElement> entriesWith(String text) {
        return driver.findElements(By.xpath("//li[contains(@class,'entry')][contains(., '" + text + "')]"));
    }

    public long entriesWith(String text, String state) {
        return entriesWith(text).stream().filter(e -> state.equals(e.getAttribute("data-state"))).count();
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public Object jsAsync(String script, Object... args) {
        return driver.executeAsyncScript(script, args);
    }

    public WebElement waitForElement(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.elementToBeClickable(by));
    }

    public void click(By by) {
        tap(waitForElement(by));
    }

    /** Scrolls the element to the middle of the screen, clear of the sticky header and tab bar, and taps it. */
    public void tap(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    public void waitFor(Duration timeout, Supplier<Boolean> condition) {
        new WebDriverWait(driver, timeout, Duration.ofMillis(50)).ignoring(RuntimeException.class)
                .until(d -> condition.get());
    }

    /** Saves a screenshot of the viewport as NAME.png under target/screenshots (or -Dscreenshots.dir). */
    public Path screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of(System.getProperty("screenshots.dir", "target/screenshots")));
            Path file = dir.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens another tab of the same browser (same storage, same outbox) and switches to it. */
    public String newTab() {
        String first = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        return first;
    }

    /** Saves the screen and the page's markup of a failed test under target/screenshots/failed-NAME. */
    public void saveFailure(String name) {
        try {
            screenshot("failed-" + name);
            Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
            Files.writeString(dir.resolve("failed-" + name + ".html"), driver.getCurrentUrl() + "\n"
                    + driver.getPageSource());
        } catch (RuntimeException | IOException e) {
            System.err.println("could not save the failed screen: " + e);
        }
    }

    /** Registered by a test class: keeps the screen of every failed test. */
    public static org.junit.jupiter.api.extension.TestWatcher keepFailures(Supplier<Browser> browser) {
        return new org.junit.jupiter.api.extension.TestWatcher() {
            @Override
            public void testFailed(org.junit.jupiter.api.extension.ExtensionContext context, Throwable cause) {
                Browser b = browser.get();
                if (b != null) {
                    b.saveFailure(context.getRequiredTestMethod().getName());
                }
            }
        };
    }

    @Override
    public void close() {
        driver.quit();
    }
}
