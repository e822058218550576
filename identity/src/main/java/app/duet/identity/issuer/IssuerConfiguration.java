package app.duet.identity.issuer;

import app.duet.access.RequestLimits;
import app.duet.access.limits.Limits;
import app.duet.access.limits.LimitsConfiguration;
import app.duet.access.limits.Rate;
import app.duet.access.limits.RateLimitFilter;
import app.duet.identity.account.Account;
import app.duet.identity.account.AccountStore;
import app.duet.identity.account.WholePasswords;
import app.duet.identity.errors.IssuerErrorPage;
import app.duet.identity.signin.SignInPage;
import tools.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * The token issuer: Spring Authorization Server with OpenID Connect, the browser page registered
 * as a public client (authorization code with PKCE, rotating refresh tokens), and access tokens
 * whose subject is the account id and whose {@code roles} and {@code name} claims the services read.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IssuerProperties.class)
@Import(LimitsConfiguration.class)
class IssuerConfiguration implements WebMvcConfigurer {

    @Bean
    @Order(1)
    SecurityFilterChain issuerEndpoints(HttpSecurity http, RegisteredClientRepository clients, IssuerProperties properties,
                                        ObjectMapper json, Limits limits,
                                        @Value("${duet.identity.token-requests-per-minute:60}") long tokensPerMinute)
            throws Exception {
        OAuth2AuthorizationServerConfigurer issuer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(issuer.getEndpointsMatcher())
                .with(issuer, server -> server
                        .oidc(Customizer.withDefaults())
                        .authorizationEndpoint(endpoint -> endpoint
                                .errorResponseHandler(IssuerErrorPage.authorizationErrors())
                                .authenticationProviders(providers -> providers.forEach(provider -> {
                                    if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider codes) {
                                        codes.setAuthenticationValidator(ServedAddress.validator(properties.webClient().servedAddress()));
                                    }
                                })))
                        .clientAuthentication(client -> client
                                .authenticationConverters(converters -> converters.add(0, PublicClientRefresh.converter()))
                                .authenticationProviders(providers -> providers.add(0, PublicClientRefresh.provider(clients)))))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .headers(IssuerHeaders.strict())
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(SignInPage.PATH), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .addFilterBefore(new RateLimitFilter(limits, json, Rate.perMinute(tokensPerMinute),
                        request -> "POST".equals(request.getMethod()) && request.getServletPath().equals("/oauth2/token"),
                        RateLimitFilter::source, new RateLimitFilter.Words("too-many-token-requests", "Too many sign-in requests",
                                seconds -> "Too many sign-in requests came from your network just now. Please wait "
                                        + seconds + " s, then try again.")), SecurityContextHolderFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http, SignInPage page, ObjectMapper json, Limits limits,
                               @Value("${duet.identity.sign-ups-per-hour:20}") long signUpsPerHour) throws Exception {
        // The issuer's JSON requests: a cross-site page cannot send JSON without the browser asking first
        // (CORS), which nothing here allows; the sign-in form and sign-out keep their CSRF token.
        RequestMatcher jsonApi = request -> request.getServletPath().startsWith("/api/identity/");
        http.securityMatcher(SignInPage.PATH, "/sign-out", "/api/identity/**", "/identity/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .headers(IssuerHeaders.strict())
                .csrf(csrf -> csrf.csrfTokenRepository(csrfCookie())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .ignoringRequestMatchers(jsonApi))
                .formLogin(form -> form.loginPage(SignInPage.PATH).loginProcessingUrl(SignInPage.PATH)
                        .usernameParameter("email").passwordParameter("password")
                        .successHandler(page.onSuccess()).failureHandler(page.onFailure()))
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/"))
                .addFilterBefore(page.lockedAddressesFilter(), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(RequestLimits.bodiesUpTo(json, 16 * 1024), UsernamePasswordAuthenticationFilter.class)
                // Each sign-up is a bcrypt hash and an account: a source opens a few an hour, not hundreds.
                .addFilterBefore(new RateLimitFilter(limits, json, Rate.perHour(signUpsPerHour),
                        request -> "POST".equals(request.getMethod()) && request.getServletPath().equals("/api/identity/accounts"),
                        RateLimitFilter::source, new RateLimitFilter.Words("too-many-sign-ups", "Too many new accounts",
                                seconds -> "Many accounts were opened from your network just now. Please try again in "
                                        + minutes(seconds) + ".")), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    private static String minutes(long seconds) {
        long minutes = (seconds + 59) / 60;
        return minutes == 1 ? "a minute" : minutes + " minutes";
    }

    /** The page's script reads the CSRF token from this cookie; it goes along on same-site requests only. */
    private static CookieCsrfTokenRepository csrfCookie() {
        CookieCsrfTokenRepository cookie = CookieCsrfTokenRepository.withHttpOnlyFalse();
        cookie.setCookieCustomizer(settings -> settings.sameSite("Lax"));
        return cookie;
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController(SignInPage.PATH).setViewName("forward:/identity/sign-in.html");
    }

    @Bean
    RegisteredClientRepository registeredClients(IssuerProperties properties) {
        RegisteredClient page = RegisteredClient.withId("duet-web-page")
                .clientId(properties.webClient().clientId())
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(properties.webClient().redirectUris()))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(properties.accessTokenTtl())
                        .refreshTokenTimeToLive(properties.refreshTokenTtl())
                        .reuseRefreshTokens(false)
                        .build())
                .build();
        return new InMemoryRegisteredClientRepository(List.of(page));
    }

    /**
     * Authorizations (codes, access and refresh tokens) in the database, not in memory: a restart or
     * a crash must not sign every partner and therapist out, nor a second issuer instance refuse a
     * refresh token the first one issued. A refresh token used a second time ends its whole sign-in.
     */
    @Bean
    OAuth2AuthorizationService authorizations(JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new SpentRefreshTokens(new JdbcOAuth2AuthorizationService(jdbc, clients), JdbcClient.create(jdbc));
    }

    /** Consents in the database beside the authorizations (the page's client asks for none). */
    @Bean
    OAuth2AuthorizationConsentService consents(JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IssuerProperties properties) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (properties.issuer() != null && !properties.issuer().isBlank()) {
            settings.issuer(properties.issuer());
        }
        return settings.build();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        return keys.jwkSource();
    }

    /** Access and ID tokens name the account by id, never by e-mail address, and carry its role. */
    @Bean
    OAuth2TokenGenerator<?> tokenGenerator(JWKSource<SecurityContext> keys, AccountStore accounts) {
        JwtGenerator jwts = new JwtGenerator(new NimbusJwtEncoder(keys));
        jwts.setJwtCustomizer(context -> accounts.byEmail(context.getPrincipal().getName()).ifPresent((Account account) -> {
            context.getClaims().subject(account.accountId()).claim("name", account.displayName());
            // Only access tokens grant anything; an ID token says who someone is, never what they may do.
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                // An ArrayList, not List.of: the token's claims are kept with the authorization in the
                // database, and the JSON it is read back from admits only collection types it knows.
                context.getClaims().claim("roles", new java.util.ArrayList<>(List.of(account.role().name())));
            }
        }));
        return new DelegatingOAuth2TokenGenerator(jwts, PublicClientRefresh.generator());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new WholePasswords();
    }
}
