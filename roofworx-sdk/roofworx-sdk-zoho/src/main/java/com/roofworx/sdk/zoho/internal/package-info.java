/**
 * The Zoho adapter's REST client interfaces, token handling and record mapping. Not API: anything here
 * may change in any release.
 */
package com.roofworx.sdk.zoho.internal;
