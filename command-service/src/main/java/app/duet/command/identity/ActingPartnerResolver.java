package app.duet.command.identity;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;
import java.util.regex.Pattern;

/** Lets controllers take an {@link ActingPartner} parameter; rejects requests that name nobody. */
@Component
class ActingPartnerResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private static final Pattern PARTNER_ID = Pattern.compile("[A-Za-z0-9-]{8,64}");

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ActingPartner.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        String partnerId = webRequest.getHeader(ActingPartner.HEADER);
        if (partnerId == null || !PARTNER_ID.matcher(partnerId).matches()) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED,
                    "Header " + ActingPartner.HEADER + " must name the acting partner (8-64 letters, digits or hyphens).");
        }
        return new ActingPartner(partnerId);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }
}
