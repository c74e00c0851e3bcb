package io.gangproof.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.gangproof.model.runtime.Choices;
import io.gangproof.model.runtime.StepObserver;
import io.gangproof.model.runtime.TransitionModel;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Source for the three runtime interfaces a generated model uses, written from the compiled
 * interfaces themselves, so that an emitted model directory compiles on its own (for JPF)
 * and can never drift from what the explorer uses.
 */
final class RuntimeSources {
    static final List<Class<?>> INTERFACES = List.of(Choices.class, StepObserver.class, TransitionModel.class);

    private RuntimeSources() {
    }

    static List<JavaFile> files() {
        List<JavaFile> out = new ArrayList<>();
        for (Class<?> c : INTERFACES) {
            out.add(JavaFile.builder(c.getPackageName(), source(c)).build());
        }
        return out;
    }

    private static List<Method> abstractMethods(Class<?> c) {
        List<Method> methods = new ArrayList<>();
        for (Method m : c.getDeclaredMethods()) {
            if (Modifier.isAbstract(m.getModifiers())) {
                methods.add(m);
            }
        }
        // declaration order is not guaranteed by reflection; a stable order keeps the output stable
        methods.sort(Comparator.comparing(Method::getName).thenComparing(m -> Arrays.toString(m.getParameterTypes())));
        return methods;
    }

    private static MethodSpec.Builder signature(Method m) {
        MethodSpec.Builder b = MethodSpec.methodBuilder(m.getName()).addModifiers(javax.lang.model.element.Modifier.PUBLIC)
                .returns(m.getReturnType());
        for (Parameter p : m.getParameters()) {
            b.addParameter(p.getType(), p.getName());
        }
        return b;
    }

    private static TypeSpec source(Class<?> c) {
        TypeSpec.Builder type = TypeSpec.interfaceBuilder(c.getSimpleName())
                .addModifiers(javax.lang.model.element.Modifier.PUBLIC)
                .addJavadoc("Copied by gangproof from its model runtime; the model classes beside it implement or use it.\n");
        for (Method m : abstractMethods(c)) {
            type.addMethod(signature(m).addModifiers(javax.lang.model.element.Modifier.ABSTRACT).build());
        }
        for (Field f : c.getDeclaredFields()) {
            if (f.getType() != c) {
                throw new IllegalStateException("internal error: runtime interface field " + f + " not supported");
            }
            // the only such field is a do-nothing instance: every method of the interface returns void
            TypeSpec.Builder anonymous = TypeSpec.anonymousClassBuilder("").addSuperinterface(c);
            for (Method m : abstractMethods(c)) {
                if (m.getReturnType() != void.class) {
                    throw new IllegalStateException("internal error: no-op for non-void method " + m);
                }
                anonymous.addMethod(signature(m).addAnnotation(Override.class).build());
            }
            type.addField(FieldSpec.builder(ClassName.get(c), f.getName(), javax.lang.model.element.Modifier.PUBLIC,
                    javax.lang.model.element.Modifier.STATIC, javax.lang.model.element.Modifier.FINAL).initializer("$L", anonymous.build()).build());
        }
        return type.build();
    }
}
