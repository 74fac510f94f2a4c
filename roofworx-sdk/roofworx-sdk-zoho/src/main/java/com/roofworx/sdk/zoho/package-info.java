/**
 * The Zoho CRM adapter: Deals as the project source and the {@code Time_Entries} module as the cold
 * sink, both from one {@link com.roofworx.sdk.zoho.ZohoCrm}.
 */
package com.roofworx.sdk.zoho;
