package org.preventcase.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.time.Clock;
import java.util.Map;
import java.util.function.Predicate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RegexRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One sign-in (docs/decisions/0001-one-sign-in.md, 0004-single-sign-on.md): Spring Security form
 * login, or, when a provider is configured, OpenID Connect single sign-on; the webapps and the engine
 * REST API are told who the user is by Camunda's container-based authentication; machine clients
 * use HTTP Basic, or a client credentials bearer token when an issuer is configured. Three ordered chains:
 * the engine REST API, the webapps, and everything else (sign-in page, case pages, project API,
 * actuator).
 */
@Configuration
public class SecurityConfiguration {

  static final String CONTAINER_PROVIDER =
      "org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider";
  private static final String OWN_PAGES_CSP = "default-src 'self'; base-uri 'self'; object-src 'none'; "
      + "frame-ancestors 'none'; form-action 'self'";

  /**
   * The metrics (issue 16): the engine's ({@code /metrics}, {@code /metrics/{name}/sum}, also through the
   * webapps' engine API), Admin's execution metrics and Prometheus's scrape, for Prevent managers,
   * administrators and the metrics readers only.
   */
  static final String[] MAY_READ_METRICS = {Role.PREVENT_MANAGER.authority(), Role.ADMINISTRATOR.authority(),
      Role.METRICS_READER.authority()};

  static RequestMatcher metrics(String enginePath) {
    return RegexRequestMatcher.regexMatcher(enginePath + "/metrics(/.*)?");
  }

  /**
   * Anyone signed in, except a metrics reader: its members reach the metrics and nothing else, whatever
   * other group they are given (a machine account, docs/roles.md).
   */
  static final AuthorizationManager<RequestAuthorizationContext> SIGNED_IN_NOT_A_METRICS_READER =
      AuthorizationManagers.allOf(AuthenticatedAuthorizationManager.authenticated(),
          AuthorizationManagers.not(AuthorityAuthorizationManager.hasAuthority(Role.METRICS_READER.authority())));

  /** Requests that change models, or write comments and attachments, whoever asks. */
  static RequestMatcher refusedEngineWrites(String enginePath) {
    return new OrRequestMatcher(
        RegexRequestMatcher.regexMatcher(HttpMethod.POST, enginePath + "/deployment.*"),
        RegexRequestMatcher.regexMatcher(HttpMethod.PUT, enginePath + "/deployment.*"),
        RegexRequestMatcher.regexMatcher(HttpMethod.DELETE, enginePath + "/deployment.*"),
        RegexRequestMatcher.regexMatcher(HttpMethod.POST, enginePath + "/task/[^/]+/(comment|attachment).*"),
        RegexRequestMatcher.regexMatcher(HttpMethod.PUT, enginePath + "/history/user-operation/.*annotation.*"));
  }

  @Bean
  @Order(1)
  SecurityFilterChain engineRestApi(HttpSecurity http, ObjectProvider<JwtDecoder> machineTokens,
      MachineClientTokens machineClients) throws Exception {
    acceptMachineClientTokens(http, machineTokens, machineClients);
    return http
        .securityMatcher(withDefaults().matcher("/engine-rest/**"))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(refusedEngineWrites("/engine-rest(/engine/[^/]+)?")).denyAll()
            .requestMatchers(metrics("/engine-rest(/engine/[^/]+)?")).hasAnyAuthority(MAY_READ_METRICS)
            .anyRequest().access(SIGNED_IN_NOT_A_METRICS_READER))
        .httpBasic(basic -> basic.authenticationEntryPoint(new ThrottleAwareBasicEntryPoint()))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable()) // stateless Basic: no session cookie to ride on
        .exceptionHandling(errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webapps(HttpSecurity http, ObjectProvider<CamundaIdentityAuthentication> identity, Clock clock,
      Environment environment) throws Exception {
    RequestMatcher webappApi = withDefaults().matcher("/camunda/api/**");
    return http
        .securityMatcher(withDefaults().matcher("/camunda/**"))
        .addFilterBefore(membershipRefresh(identity, clock, environment), AuthorizationFilter.class)
        .authorizeHttpRequests(requests -> requests
            // CVE-2026-77226: the anonymous first-run setup is closed for everyone
            .requestMatchers(withDefaults().matcher("/camunda/api/admin/setup/**")).denyAll()
            // the webapps' own login would be a second sign-in
            .requestMatchers(withDefaults().matcher("/camunda/api/admin/auth/user/*/login/**")).denyAll()
            .requestMatchers(refusedEngineWrites("/camunda/api/engine/engine/[^/]+")).denyAll()
            .requestMatchers(metrics("/camunda/api/engine/engine/[^/]+"), metrics("/camunda/api/admin/plugin/[^/]+/[^/]+"))
                .hasAnyAuthority(MAY_READ_METRICS)
            .anyRequest().access(SIGNED_IN_NOT_A_METRICS_READER))
        // the webapps' API has Camunda's own CSRF filter (X-XSRF-TOKEN); Spring's would reject it
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("frame-ancestors 'none'")))
        .logout(logout -> logout
            .logoutRequestMatcher(withDefaults().matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout"))
            .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
        .exceptionHandling(errors -> errors
            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), webappApi)
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true))
        .build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain applicationPages(HttpSecurity http, ObjectProvider<CamundaIdentityAuthentication> identity,
      Clock clock, Environment environment, AuthenticationSuccessHandler landing, ObjectProvider<JwtDecoder> machineTokens,
      MachineClientTokens machineClients, ObjectProvider<ClientRegistrationRepository> singleSignOn,
      SingleSignOnUserService singleSignOnUsers) throws Exception {
    acceptMachineClientTokens(http, machineTokens, machineClients);
    ClientRegistrationRepository provider = singleSignOn.getIfAvailable();
    if (provider != null) {
      http.oauth2Login(login -> login.loginPage("/login").failureUrl("/login?error").successHandler(landing)
          .userInfoEndpoint(userInfo -> userInfo.oidcUserService(singleSignOnUsers)));
    }
    RequestMatcher api = new OrRequestMatcher(withDefaults().matcher("/api/**"), withDefaults().matcher("/actuator/**"));
    return http
        .addFilterBefore(membershipRefresh(identity, clock, environment), AuthorizationFilter.class)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(withDefaults().matcher("/login"), withDefaults().matcher("/error"),
                withDefaults().matcher("/assets/**"), withDefaults().matcher("/govuk/**")).permitAll()
            .requestMatchers(withDefaults().matcher("/manager")).hasAuthority(Role.PREVENT_MANAGER.authority())
            .requestMatchers(withDefaults().matcher("/actuator/prometheus")).hasAnyAuthority(MAY_READ_METRICS)
            .requestMatchers(withDefaults().matcher("/actuator/**"), withDefaults().matcher("/notifications/**"),
                withDefaults().matcher("/api/notifications/**"))
                .hasAnyAuthority(Role.ADMINISTRATOR.authority(), Role.PREVENT_MANAGER.authority())
            .requestMatchers(withDefaults().matcher("/access-requests/**"))
                .hasAuthority(Role.PREVENT_MANAGER.authority())
            .anyRequest().access(SIGNED_IN_NOT_A_METRICS_READER))
        .formLogin(form -> form.loginPage("/login").successHandler(landing) // each role where its work is
            .authenticationDetailsSource(FormSignInDetails::new))
        .httpBasic(basic -> basic.authenticationEntryPoint(new ThrottleAwareBasicEntryPoint()))
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(signedOut(provider)))
        .csrf(csrf -> csrf.ignoringRequestMatchers(api))
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(OWN_PAGES_CSP)))
        .exceptionHandling(errors -> errors
            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true))
        .build();
  }

  /** Sessions read their roles again after prevent.security.membership-refresh (in the chain only, not a bean). */
  private static MembershipRefresh membershipRefresh(ObjectProvider<CamundaIdentityAuthentication> identity, Clock clock,
      Environment environment) {
    return new MembershipRefresh(identity, clock, MembershipRefreshConfiguration.refresh(environment));
  }

  /**
   * OAuth2 client credentials for machine clients, when a token issuer is configured
   * (spring.security.oauth2.resourceserver.jwt.*): a bearer JWT, as well as HTTP Basic.
   */
  private static void acceptMachineClientTokens(HttpSecurity http, ObjectProvider<JwtDecoder> machineTokens,
      MachineClientTokens machineClients) throws Exception {
    JwtDecoder decoder = machineTokens.getIfAvailable();
    if (decoder != null) {
      http.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(decoder)
          .jwtAuthenticationConverter(machineClients)));
    }
  }

  /** After signing out: the sign-in page; with single sign-on, by way of the provider's own sign-out. */
  private static LogoutSuccessHandler signedOut(ClientRegistrationRepository provider) {
    if (provider != null) {
      OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(provider);
      handler.setPostLogoutRedirectUri("{baseUrl}/login?logout");
      handler.setDefaultTargetUrl("/login?logout");
      return handler;
    }
    SimpleUrlLogoutSuccessHandler handler = new SimpleUrlLogoutSuccessHandler();
    handler.setDefaultTargetUrl("/login?logout");
    return handler;
  }

  /** Tells the engine REST API who the (already authenticated) user is, with their groups and tenants. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    return afterSpringSecurity(new ProcessEngineAuthenticationFilter(), Map.of(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, CONTAINER_PROVIDER,
        ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "/engine-rest"), "/engine-rest/*");
  }

  /** Hands the signed-in user to Cockpit, Tasklist and Admin. */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappsAuthentication() {
    return afterSpringSecurity(new ContainerBasedAuthenticationFilter(),
        Map.of("authentication-provider", CONTAINER_PROVIDER), "/camunda/*");
  }

  private static <T extends Filter> FilterRegistrationBean<T> afterSpringSecurity(T filter,
      Map<String, String> parameters, String urlPattern) {
    FilterRegistrationBean<T> registration = new FilterRegistrationBean<>(filter);
    registration.setInitParameters(parameters);
    registration.addUrlPatterns(urlPattern);
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(10);
    return registration;
  }

  /** Whether a path is on an engine API, for the filters of packages this one depends on (failures). */
  @Bean
  Predicate<String> engineApiPath() {
    return EngineRoutes::isEngineApiPath;
  }

  /** Inside the authentication filters: the user's engine identity is known when it asks again. */
  @Bean
  FilterRegistrationBean<NoExistenceOracle> noExistenceOracle(ObjectProvider<IdentityService> identity,
      ObjectProvider<Actors> actors) {
    FilterRegistrationBean<NoExistenceOracle> registration = new FilterRegistrationBean<>(
        new NoExistenceOracle(EngineRoutes.fromOpenApi(), identity, actors));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(30);
    return registration;
  }

  /** Inside the authentication filters, so an anonymous caller still gets 401. */
  @Bean
  FilterRegistrationBean<CaseModelRoutes> caseModelRoutes() {
    FilterRegistrationBean<CaseModelRoutes> registration = new FilterRegistrationBean<>(new CaseModelRoutes());
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(15);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ExpressionQueryGuard> expressionQueryGuard() {
    FilterRegistrationBean<ExpressionQueryGuard> registration = new FilterRegistrationBean<>(new ExpressionQueryGuard());
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(20);
    return registration;
  }
}
