package org.preventcase.web;

import java.util.List;

/**
 * What the header of every page shows: the signed-in user's name, the authorities they work for,
 * their roles, and links to the places their role works (the current one marked).
 */
public record PageHeader(String userId, String name, List<String> authorities, List<String> roles, List<Link> links) {

  public record Link(String text, String href, boolean current) {}
}
