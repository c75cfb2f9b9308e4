package org.preventcase.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The one sign-in page, for Tasklist, Cockpit, Admin and the case pages alike (templates/sign-in.html).
 * With single sign-on (docs/decisions/0004-single-sign-on.md) it offers each provider, and the form
 * only to a configured break-glass administrator.
 */
@Controller
public class SignInPage {

  /** A provider to sign in at: its link and the name it is shown by. */
  public record Provider(String href, String name) {}

  private final ObjectProvider<ClientRegistrationRepository> singleSignOn;
  private final String breakGlassUser;

  public SignInPage(ObjectProvider<ClientRegistrationRepository> singleSignOn,
      @Value("${prevent.security.single-sign-on.break-glass-user:}") String breakGlassUser) {
    this.singleSignOn = singleSignOn;
    this.breakGlassUser = breakGlassUser;
  }

  @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
  public String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
      Model model) {
    model.addAttribute("failed", error != null);
    model.addAttribute("signedOut", logout != null);
    List<Provider> providers = providers();
    model.addAttribute("providers", providers);
    model.addAttribute("formOpen", providers.isEmpty() || !breakGlassUser.isBlank());
    return "sign-in";
  }

  private List<Provider> providers() {
    List<Provider> providers = new ArrayList<>();
    if (singleSignOn.getIfAvailable() instanceof Iterable<?> registrations) {
      for (Object registration : registrations) {
        ClientRegistration provider = (ClientRegistration) registration;
        providers.add(new Provider("/oauth2/authorization/" + provider.getRegistrationId(), provider.getClientName()));
      }
    }
    return providers;
  }
}
