package org.preventcase.web;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The one sign-in page, for Tasklist, Cockpit, Admin and the case pages alike (templates/sign-in.html). */
@Controller
public class SignInPage {

  @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
  public String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
      Model model) {
    model.addAttribute("failed", error != null);
    model.addAttribute("signedOut", logout != null);
    return "sign-in";
  }
}
