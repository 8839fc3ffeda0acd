package io.cloudconnector;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps cloud SDK, resilience4j and Jackson types out of core's public signatures: every public or protected
 * constructor, method and field of every public type in {@code io.cloudconnector} and {@code io.cloudconnector.spi},
 * with parameter, return, exception and field types, supertypes and generic type arguments.
 */
class PublicApiArchitectureTest {

    private static final List<String> FORBIDDEN = List.of(
        "software.amazon.awssdk.", "com.azure.", "io.github.resilience4j.", "com.fasterxml.jackson.");
    private static final List<String> API_PACKAGES = List.of("io.cloudconnector", "io.cloudconnector.spi");

    @Test
    void publicSignatures_mentionNoCloudSdkResilienceOrJacksonType() throws Exception {
        List<Class<?>> types = publicApiTypes();

        assertThat(types).extracting(Class::getSimpleName)
            .contains("ConnectorSpec", "Builder", "SpecJson", "Secret", "ConnectorClient", "AwsSide", "RegionInfo");
        assertThat(types.stream().flatMap(PublicApiArchitectureTest::leaks)).isEmpty();
    }

    @Test
    void leaks_typeHidingAForbiddenTypeInGenerics_isFound() {
        assertThat(leaks(Leaky.class)).singleElement().asString()
            .contains("retries", "io.github.resilience4j.retry.Retry");
    }

    /** A type that must be caught: the forbidden type hides in the bound of a method's type variable. */
    interface Leaky {
        <T extends Retry> Map<String, List<? extends T>[]> retries();
    }

    private static List<Class<?>> publicApiTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(ConnectorSpec.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> types = new ArrayList<>();
        for (String packageName : API_PACKAGES) {
            Path directory = classes.resolve(packageName.replace('.', '/'));
            List<String> classNames;
            try (Stream<Path> files = Files.list(directory)) {
                classNames = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.equals("package-info.class"))
                    .map(name -> packageName + "." + name.substring(0, name.length() - ".class".length()))
                    .sorted()
                    .collect(Collectors.toList());
            }
            for (String className : classNames) {
                Class<?> type = Class.forName(className, false, ConnectorSpec.class.getClassLoader());
                if (isVisible(type)) {
                    types.add(type);
                }
            }
        }
        return types;
    }

    private static boolean isVisible(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isSynthetic()) {
                return false;
            }
        }
        return true;
    }

    /** Each member of {@code type} whose signature mentions a forbidden type, as {@code Type#member -> type}. */
    private static Stream<String> leaks(Class<?> type) {
        List<String> leaks = new ArrayList<>();
        check(leaks, type.getName() + " supertypes", type.getGenericSuperclass());
        check(leaks, type.getName() + " supertypes", type.getGenericInterfaces());
        check(leaks, type.getName() + " type parameters", type.getTypeParameters());
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (isApi(constructor)) {
                checkExecutable(leaks, type, constructor, void.class);
            }
        }
        Set<Method> methods = new LinkedHashSet<>(Arrays.asList(type.getMethods()));
        Arrays.stream(type.getDeclaredMethods()).filter(PublicApiArchitectureTest::isApi).forEach(methods::add);
        for (Method method : methods) {
            if (!method.isSynthetic() && !method.isBridge()) {
                checkExecutable(leaks, type, method, method.getGenericReturnType());
            }
        }
        for (Field field : type.getDeclaredFields()) {
            if (isApi(field)) {
                check(leaks, type.getName() + "#" + field.getName(), field.getGenericType());
            }
        }
        return leaks.stream();
    }

    private static boolean isApi(Member member) {
        return !member.isSynthetic()
            && (Modifier.isPublic(member.getModifiers()) || Modifier.isProtected(member.getModifiers()));
    }

    private static void checkExecutable(List<String> leaks, Class<?> type, Executable executable, Type returnType) {
        Type[] types = Stream.of(executable.getGenericParameterTypes(), executable.getGenericExceptionTypes(),
                executable.getTypeParameters(), new Type[] {returnType})
            .flatMap(Arrays::stream)
            .toArray(Type[]::new);
        check(leaks, type.getName() + "#" + executable.getName(), types);
    }

    private static void check(List<String> leaks, String where, Type... types) {
        Set<String> names = new HashSet<>();
        for (Type type : types) {
            collect(type, names, new HashSet<>());
        }
        names.stream()
            .filter(name -> FORBIDDEN.stream().anyMatch(name::startsWith))
            .sorted()
            .forEach(name -> leaks.add(where + " -> " + name));
    }

    /** Adds the names of every class {@code type} mentions, through arrays, type arguments, wildcards and bounds. */
    private static void collect(Type type, Set<String> names, Set<Type> seen) {
        if (type == null || !seen.add(type)) {
            return;
        }
        if (type instanceof Class<?> c) {
            if (c.isArray()) {
                collect(c.getComponentType(), names, seen);
            } else {
                names.add(c.getName());
            }
        } else if (type instanceof ParameterizedType parameterized) {
            collect(parameterized.getRawType(), names, seen);
            collect(parameterized.getOwnerType(), names, seen);
            for (Type argument : parameterized.getActualTypeArguments()) {
                collect(argument, names, seen);
            }
        } else if (type instanceof WildcardType wildcard) {
            Stream.concat(Arrays.stream(wildcard.getUpperBounds()), Arrays.stream(wildcard.getLowerBounds()))
                .forEach(bound -> collect(bound, names, seen));
        } else if (type instanceof GenericArrayType array) {
            collect(array.getGenericComponentType(), names, seen);
        } else if (type instanceof TypeVariable<?> variable) {
            for (Type bound : variable.getBounds()) {
                collect(bound, names, seen);
            }
        }
    }
}
