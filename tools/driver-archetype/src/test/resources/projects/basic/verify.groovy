// What the operator installs: a bundle that exports nothing, imports the 1.x driver API, declares its
// DS component, and a features file naming Ferric's ferric-driver-api feature.
// The archetype plugin hands over the generated project as context.projectDir (older ones bound projectDir).
def projectDir = binding.hasVariable('context') ? context.projectDir : binding.getVariable('projectDir')
def manifest = new java.util.jar.JarFile(new File(projectDir, 'target/acme-driver-1.0.0-SNAPSHOT.jar')).manifest.mainAttributes
assert manifest.getValue('Export-Package') == null : 'a driver exports nothing'
assert manifest.getValue('Import-Package') =~ /org\.ferric\.driver\.api;version="\[1\.\d+,2\)"/
assert manifest.getValue('Service-Component').contains('com.acme.ferric.driver.internal.AcmeHardware')

def feature = new File(projectDir, 'target/feature/feature.xml').text
assert feature.contains('<feature name="acme-driver" version="1.0.0-SNAPSHOT"')
assert feature.contains('<feature>ferric-driver-api</feature>')
assert feature.contains('<bundle>mvn:com.acme.ferric/acme-driver/1.0.0-SNAPSHOT</bundle>')

// Built like a vendor builds it: no Ferric parent, only the published API.
def pom = new File(projectDir, 'pom.xml').text
assert !pom.contains('<parent>')
assert pom.contains('<artifactId>ferric-driver-api</artifactId>')
assert new File(projectDir, 'README.md').text.contains('## `driver_info` fields')
return true
