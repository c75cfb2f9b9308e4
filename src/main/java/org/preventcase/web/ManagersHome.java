package org.preventcase.web;

import org.preventcase.security.Actors;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** /manager: the Prevent managers' home, where their places are (templates/manager.html). */
@Controller
class ManagersHome {

  private final Actors actors;

  ManagersHome(Actors actors) {
    this.actors = actors;
  }

  @GetMapping(value = "/manager", produces = MediaType.TEXT_HTML_VALUE)
  String home(Model model) {
    model.addAttribute("places", Place.of(actors.current()).stream().filter(place -> place != Place.MANAGERS_HOME)
        .toList());
    return "manager";
  }
}
