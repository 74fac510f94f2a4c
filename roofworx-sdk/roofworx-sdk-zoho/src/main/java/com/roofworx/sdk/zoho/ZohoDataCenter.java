package com.roofworx.sdk.zoho;

import java.net.URI;

/**
 * The Zoho data center an organisation lives in: its accounts (OAuth) host and its API host. The API host
 * named by the token reply ({@code api_domain}) wins over {@link #apiUrl()} when present.
 */
public enum ZohoDataCenter {
    US("https://accounts.zoho.com", "https://www.zohoapis.com"),
    EU("https://accounts.zoho.eu", "https://www.zohoapis.eu"),
    IN("https://accounts.zoho.in", "https://www.zohoapis.in"),
    AU("https://accounts.zoho.com.au", "https://www.zohoapis.com.au"),
    JP("https://accounts.zoho.jp", "https://www.zohoapis.jp"),
    CN("https://accounts.zoho.com.cn", "https://www.zohoapis.com.cn"),
    SA("https://accounts.zoho.sa", "https://www.zohoapis.sa"),
    CA("https://accounts.zohocloud.ca", "https://www.zohoapis.ca");

    private final URI accountsUrl;
    private final URI apiUrl;

    ZohoDataCenter(String accountsUrl, String apiUrl) {
        this.accountsUrl = URI.create(accountsUrl);
        this.apiUrl = URI.create(apiUrl);
    }

    /** Where OAuth tokens are minted ({@code /oauth/v2/token}). */
    public URI accountsUrl() {
        return accountsUrl;
    }

    /** The CRM API host used until a token reply names one. */
    public URI apiUrl() {
        return apiUrl;
    }
}
