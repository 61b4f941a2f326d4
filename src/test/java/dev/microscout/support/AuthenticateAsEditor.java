package dev.microscout.support;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;

/**
 * Every API test calls as the test organisation's ADMIN unless it sends its own X-API-Key or
 * Authorization header (an empty X-API-Key means "no key"). JSON decimals are read as double.
 */
public class AuthenticateAsEditor implements QuarkusTestBeforeEachCallback {

    private static final Filter DEFAULT_KEY = (request, response, context) -> {
        if (!request.getHeaders().hasHeaderWithName("X-API-Key") && !request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("X-API-Key", TestKeys.ADMIN);
        }
        return context.next(request, response);
    };

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        RestAssured.replaceFiltersWith(DEFAULT_KEY);
        // Decimals as double, so exact figures compare exactly.
        RestAssured.config = RestAssured.config().jsonConfig(io.restassured.config.JsonConfig.jsonConfig()
                .numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
    }
}
