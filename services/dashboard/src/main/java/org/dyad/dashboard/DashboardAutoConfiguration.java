package org.dyad.dashboard;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.CssLinkResourceTransformer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

import java.io.IOException;

/**
 * Serves the dashboard's files so that a browser downloads each once: every script, style sheet and WebJar has a URL
 * that carries a hash of its content ({@code /dashboard/app-<hash>.js}), cached for a year as immutable, and the
 * page itself ({@code index.html}, revalidated on every visit) links to those URLs. The ES modules' imports of one
 * another are rewritten to the versioned URLs as they are served, and a dashboard file's version covers every
 * dashboard file, so a change to any module gives every module a new URL: no cached module can import a stale one.
 * Compression is the server's ({@code server.compression}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class DashboardAutoConfiguration {

    static final String STATIC = "classpath:/static/";
    static final String DASHBOARD = STATIC + "dashboard/";
    static final String WEBJARS = "classpath:/META-INF/resources/webjars/";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    WebMvcConfigurer dashboardResources() throws IOException {
        DashboardVersionStrategy dashboardVersions = DashboardVersionStrategy.of(
                new PathMatchingResourcePatternResolver().getResources(DASHBOARD + "**"));
        return new WebMvcConfigurer() {
            @Override
            public void addResourceHandlers(ResourceHandlerRegistry registry) {
                registry.addResourceHandler("/dashboard/**").addResourceLocations(DASHBOARD)
                        .resourceChain(true)
                        .addResolver(new VersionResourceResolver().addVersionStrategy(dashboardVersions, "/**"))
                        .addTransformer(new CssLinkResourceTransformer())
                        .addTransformer(new ModuleImportTransformer());
                registry.addResourceHandler("/webjars/**").addResourceLocations(WEBJARS)
                        .resourceChain(true)
                        .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
                        .addTransformer(new CssLinkResourceTransformer());
                registry.addResourceHandler("/index.html").addResourceLocations(STATIC)
                        .resourceChain(true)
                        .addTransformer(new PageLinkTransformer());
            }
        };
    }

    @Bean
    FilterRegistrationBean<DashboardCacheHeaders> dashboardCacheHeaders() {
        FilterRegistrationBean<DashboardCacheHeaders> registration =
                new FilterRegistrationBean<>(new DashboardCacheHeaders());
        registration.addUrlPatterns("/*");
        return registration;
    }
}
