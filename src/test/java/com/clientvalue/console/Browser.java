package com.clientvalue.console;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver, which .ci/run installs), driven by
 * Selenium with the driver's path given, so Selenium Manager never tries to download one. Pages are
 * opened by path on the service under test; screenshots go to target/screenshots.
 */
public final class Browser implements AutoCloseable {
    static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");
    private final ChromeDriver driver;
    private final String base;
    private final Path profile;

    private Browser(ChromeDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    /** Starts a browser on the service at this base URL, in English unless a language is given. */
    public static Browser open(URI base, String... language) {
        if (!new File(CHROMIUM).canExecute() || !new File(DRIVER).canExecute()) {
            throw new IllegalStateException("the browser tests need Chromium and its driver at " + CHROMIUM + " and " + DRIVER
                    + ": apt-get install -y chromium chromium-driver fonts-dejavu-core (.ci/run does it)");
        }
        try {
            Path profile = Files.createTempDirectory("console-browser");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--window-size=1400,1000", "--user-data-dir=" + profile,
                    "--lang=" + (language.length > 0 ? language[0] : "en-GB"));
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language.length > 0 ? language[0] : "en-GB,en"));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            String url = base.toString();
            return new Browser(driver, url.endsWith("/") ? url.substring(0, url.length() - 1) : url, profile);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a page of the service by its path. */
    public Browser go(String path) {
        // what severeLogs reports starts with this page
        driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER);
        driver.get(base + path);
        return this;
    }

    /** The path of the page the browser is on. */
    public String path() {
        URI current = URI.create(driver.getCurrentUrl());
        return current.getRawQuery() == null ? current.getRawPath() : current.getRawPath() + "?" + current.getRawQuery();
    }

    /** Signs in through the sign-in form with this token. */
    public Browser signIn(String token) {
        go("/console/sign-in");
        find("#token").sendKeys(token);
        find("form[action='/console/sign-in'] button[type=submit]").click();
        waitUntil(d -> !path().startsWith("/console/sign-in") || !d.findElements(By.id("sign-in-problem")).isEmpty());
        return this;
    }

    public Browser signOut() {
        find("form[action='/console/sign-out'] button").click();
        waitUntil(d -> path().startsWith("/console/sign-in"));
        return this;
    }

    public WebElement find(String css) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
        } catch (org.openqa.selenium.TimeoutException e) {
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of("target/debug-page.html"), driver.getPageSource());
            } catch (java.io.IOException ignored) {
            }
            throw e;
        }
    }

    /** Waits longer than {@link #find} for an element: the end of background work that the page polls for. */
    public WebElement await(String css, Duration within) {
        return new WebDriverWait(driver, within).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /**
     * The attributes of the element CSS selects, read in one step: an element that htmx replaces while it
     * polls cannot go stale between two reads. Null values for attributes it lacks.
     */
    @SuppressWarnings("unchecked")
    public java.util.Map<String, String> attributes(String css, String... names) {
        find(css);
        Object read = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "const e = document.querySelector(arguments[0]); const out = {};"
                        + " for (const n of arguments[1]) { out[n] = e ? e.getAttribute(n) : null; } return out;",
                css, java.util.List.of(names));
        return new java.util.HashMap<>((java.util.Map<String, String>) read);
    }

    /** The element's text; read again if htmx replaced the element between finding and reading it. */
    public String text(String css) {
        return fresh(() -> find(css).getText());
    }

    /** One attribute of the element, read again if htmx replaced the element meanwhile. */
    public String attribute(String css, String name) {
        return fresh(() -> find(css).getAttribute(name));
    }

    private static <T> T fresh(java.util.function.Supplier<T> read) {
        for (int attempt = 1; ; attempt++) {
            try {
                return read.get();
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                if (attempt == 5) {
                    throw replaced;
                }
            }
        }
    }

    /** Waits (15 s at most) until the condition holds, e.g. an htmx swap has happened. */
    public void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(condition::apply);
    }

    /** Saves a screenshot of the whole window as target/screenshots/NAME.png and returns its path. */
    public Path screenshot(String name) {
        try {
            Path target = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Errors the browser's console logged since the last {@link #go} (a script failing, a resource the CSP refused). */
    public List<String> severeLogs() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(e -> e.getMessage()).toList();
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind does no harm
        }
    }
}
