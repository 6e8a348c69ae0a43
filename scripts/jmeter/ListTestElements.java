import java.io.File;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Lists every concrete test element class (implements org.apache.jmeter.testelement.TestElement) and every GUI
 * class (implements org.apache.jmeter.gui.JMeterGUIComponent) in a JMeter home's lib/ext jars, the plugins included.
 * Classes are loaded without being initialised. Usage: java ListTestElements.java <JMETER_HOME>
 */
public class ListTestElements {
  public static void main(String[] args) throws Exception {
    File home = new File(args[0]);
    List<URL> classpath = new ArrayList<>();
    List<File> scanned = new ArrayList<>();
    for (String dir : new String[] {"lib", "lib/ext"}) {
      File[] jars = new File(home, dir).listFiles((d, name) -> name.endsWith(".jar"));
      if (jars == null) continue;
      for (File jar : jars) {
        classpath.add(jar.toURI().toURL());
        if (dir.equals("lib/ext")) scanned.add(jar);
      }
    }
    ClassLoader loader = new URLClassLoader(classpath.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    Class<?> testElement = loader.loadClass("org.apache.jmeter.testelement.TestElement");
    Class<?> guiComponent = loader.loadClass("org.apache.jmeter.gui.JMeterGUIComponent");
    TreeSet<String> tests = new TreeSet<>();
    TreeSet<String> guis = new TreeSet<>();
    for (File jar : scanned) {
      try (JarFile file = new JarFile(jar)) {
        for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements();) {
          String entry = e.nextElement().getName();
          if (!entry.endsWith(".class") || entry.contains("$") || entry.startsWith("META-INF/")) continue;
          String name = entry.substring(0, entry.length() - 6).replace('/', '.');
          try {
            Class<?> c = Class.forName(name, false, loader);
            int m = c.getModifiers();
            if (c.isInterface() || Modifier.isAbstract(m) || !Modifier.isPublic(m)) continue;
            if (testElement.isAssignableFrom(c)) tests.add(name);
            if (guiComponent.isAssignableFrom(c)) guis.add(name);
          } catch (Throwable unloadable) {
            // A class whose dependencies are not shipped cannot be in a plan JMeter loads either.
          }
        }
      }
    }
    for (String t : tests) System.out.println("test " + t);
    for (String g : guis) System.out.println("gui " + g);
  }
}
