package org.compactbot.web;

import java.util.Objects;
import org.compactbot.cases.SaveAndReturn;
import org.compactbot.cases.StatusByReference;

/** What the public pages' emailed links need: saving a draft for later, and a case's status by reference. */
public record EmailedLinkServices(SaveAndReturn saving, StatusByReference status) {
    public EmailedLinkServices {
        Objects.requireNonNull(saving, "saving");
        Objects.requireNonNull(status, "status");
    }
}
