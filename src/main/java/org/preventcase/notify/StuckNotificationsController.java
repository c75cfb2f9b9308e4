package org.preventcase.notify;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The managers' list of messages that keep failing: a page (templates/stuck-notifications.html) and its JSON. */
@Controller
public class StuckNotificationsController {

  private final StuckNotifications stuck;

  public StuckNotificationsController(StuckNotifications stuck) {
    this.stuck = stuck;
  }

  @GetMapping(value = "/api/notifications/stuck", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  public List<StuckNotifications.Stuck> list() {
    return stuck.list();
  }

  @GetMapping(value = "/notifications/stuck", produces = MediaType.TEXT_HTML_VALUE)
  public String page(Model model) {
    model.addAttribute("messages", stuck.list());
    return "stuck-notifications";
  }
}
