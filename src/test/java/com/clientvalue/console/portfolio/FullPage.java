package com.clientvalue.console.portfolio;

import com.clientvalue.console.Browser;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/** A screenshot of the whole page, not only of the window: the window grows to the page's height for it. */
public final class FullPage {
    private FullPage() {
    }

    public static void screenshot(Browser browser, String name) {
        Dimension window = browser.driver().manage().window().getSize();
        long height = ((Number) ((JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollHeight")).longValue();
        browser.driver().manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(6000, height + 140)));
        try {
            browser.screenshot(name);
        } finally {
            browser.driver().manage().window().setSize(window);
        }
    }
}
