package com.roofworx.app.support;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/** The WAR the build made, with the test's settings added as its MicroProfile Config properties. */
public final class Deployments {
    private Deployments() {
    }

    public static WebArchive builtWar(Map<String, String> settings) {
        String path = System.getProperty("roofworx.war", "target/roofworx.war");
        File war = new File(path);
        if (!war.isFile()) {
            throw new IllegalStateException("roofworx.war must name the built WAR but was " + war.getAbsolutePath());
        }
        Properties props = new Properties();
        props.putAll(settings);
        StringWriter text = new StringWriter();
        try {
            props.store(text, "test settings");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war)
                .addAsResource(new StringAsset(text.toString()), "META-INF/microprofile-config.properties");
    }
}
