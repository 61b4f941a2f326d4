package dev.microscout.security;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every resource of the product that writes carries @Audited, so no write escapes the audit trail. */
@QuarkusTest
class AuditedResourcesTest {

    @Inject
    BeanManager beans;

    @Test
    void everyWritingResourceIsAudited() {
        List<String> unaudited = new ArrayList<>();
        int writing = 0;
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            if (!type.getName().startsWith("dev.microscout.") || !type.isAnnotationPresent(Path.class)) {
                continue;
            }
            boolean writes = false;
            for (Method method : type.getDeclaredMethods()) {
                writes |= method.isAnnotationPresent(POST.class) || method.isAnnotationPresent(PUT.class)
                        || method.isAnnotationPresent(PATCH.class) || method.isAnnotationPresent(DELETE.class);
            }
            if (writes) {
                writing++;
                if (!type.isAnnotationPresent(Audited.class)) {
                    unaudited.add(type.getName());
                }
            }
        }
        assertTrue(writing >= 9, "found only " + writing + " writing resources");
        assertTrue(unaudited.isEmpty(), "writes without @Audited: " + unaudited);
    }
}
