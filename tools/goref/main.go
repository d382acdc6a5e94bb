// goref: the Go oracle for hcsc's JSON writer (rule: hcsc.tests.go-oracle).
//
// It declares the Go types of hcsc's four documents field for field as
// translator/src/emit/shapes.c does (same keys, order and omitempty: change
// both together; specs.Spec's shapes are made from the rows of
// translator/src/oci/spec_fields.h) and prints what Go's encoding/json
// writes for them. It stays written by hand: it is the independent check.
//
//	goref doc KIND             one JSON document on stdin (KIND: oci, hcs-v1,
//	                           hcs-v2, process); prints json.Marshal, a line
//	                           "--", then json.MarshalIndent(v, "", "  ")
//	goref strings              lines of hex-encoded bytes on stdin; prints
//	                           json.Marshal(string(bytes)) for each line
//	goref genstrings N SEED    N lines of random hex-encoded byte strings
//	goref gendocs KIND N SEED EXPECTED
//	                           N random compact documents of KIND, one a
//	                           line, on stdout; for each, Go's compact and
//	                           pretty bytes (after one decode round trip) to
//	                           the file EXPECTED, as `goref-driver docs` prints
//
// Standard library only.
package main

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand"
	"os"
	"reflect"
	"strconv"
)

// ---- specs.Spec (opencontainers/runtime-spec v1.3.0 specs-go/config.go),
// the subset hcsc prints.

type Spec struct {
	Version     string            `json:"ociVersion"`
	Process     *Process          `json:"process,omitempty"`
	Root        *Root             `json:"root,omitempty"`
	Hostname    string            `json:"hostname,omitempty"`
	Domainname  string            `json:"domainname,omitempty"`
	Mounts      []Mount           `json:"mounts,omitempty"`
	Annotations map[string]string `json:"annotations,omitempty"`
	Linux       *Linux            `json:"linux,omitempty"`
	Windows     *Windows          `json:"windows,omitempty"`
}

// The parts of specs.Linux moby's default Linux spec fills (LCOW).
type Linux struct {
	Resources     *LinuxResources  `json:"resources,omitempty"`
	Namespaces    []LinuxNamespace `json:"namespaces,omitempty"`
	MaskedPaths   []string         `json:"maskedPaths,omitempty"`
	ReadonlyPaths []string         `json:"readonlyPaths,omitempty"`
}

type LinuxResources struct {
	Devices []string `json:"devices,omitempty"`
}

type LinuxNamespace struct {
	Type string `json:"type"`
	Path string `json:"path,omitempty"`
}

type LinuxCapabilities struct {
	Bounding    []string `json:"bounding,omitempty"`
	Effective   []string `json:"effective,omitempty"`
	Inheritable []string `json:"inheritable,omitempty"`
	Permitted   []string `json:"permitted,omitempty"`
	Ambient     []string `json:"ambient,omitempty"`
}

type Process struct {
	Terminal     bool               `json:"terminal,omitempty"`
	ConsoleSize  *Box               `json:"consoleSize,omitempty"`
	User         User               `json:"user"`
	Args         []string           `json:"args,omitempty"`
	CommandLine  string             `json:"commandLine,omitempty"`
	Env          []string           `json:"env,omitempty"`
	Cwd          string             `json:"cwd"`
	Capabilities *LinuxCapabilities `json:"capabilities,omitempty"`
}

type Box struct {
	Height uint `json:"height"`
	Width  uint `json:"width"`
}

type User struct {
	UID            uint32   `json:"uid"`
	GID            uint32   `json:"gid"`
	Umask          *uint32  `json:"umask,omitempty"`
	AdditionalGids []uint32 `json:"additionalGids,omitempty"`
	Username       string   `json:"username,omitempty"`
}

type Root struct {
	Path     string `json:"path"`
	Readonly bool   `json:"readonly,omitempty"`
}

type Mount struct {
	Destination string   `json:"destination"`
	Type        string   `json:"type,omitempty"`
	Source      string   `json:"source,omitempty"`
	Options     []string `json:"options,omitempty"`
}

type Windows struct {
	LayerFolders            []string          `json:"layerFolders"`
	Devices                 []WindowsDevice   `json:"devices,omitempty"`
	Resources               *WindowsResources `json:"resources,omitempty"`
	CredentialSpec          interface{}       `json:"credentialSpec,omitempty"`
	Servicing               bool              `json:"servicing,omitempty"`
	IgnoreFlushesDuringBoot bool              `json:"ignoreFlushesDuringBoot,omitempty"`
	HyperV                  *WindowsHyperV    `json:"hyperv,omitempty"`
	Network                 *WindowsNetwork   `json:"network,omitempty"`
}

type WindowsDevice struct {
	ID     string `json:"id"`
	IDType string `json:"idType"`
}

type WindowsResources struct {
	Memory  *WindowsMemoryResources  `json:"memory,omitempty"`
	CPU     *WindowsCPUResources     `json:"cpu,omitempty"`
	Storage *WindowsStorageResources `json:"storage,omitempty"`
}

type WindowsMemoryResources struct {
	Limit *uint64 `json:"limit,omitempty"`
}

type WindowsCPUResources struct {
	Count   *uint64 `json:"count,omitempty"`
	Shares  *uint16 `json:"shares,omitempty"`
	Maximum *uint16 `json:"maximum,omitempty"`
}

type WindowsStorageResources struct {
	Iops        *uint64 `json:"iops,omitempty"`
	Bps         *uint64 `json:"bps,omitempty"`
	SandboxSize *uint64 `json:"sandboxSize,omitempty"`
}

type WindowsHyperV struct {
	UtilityVMPath string `json:"utilityVMPath,omitempty"`
}

type WindowsNetwork struct {
	EndpointList               []string `json:"endpointList,omitempty"`
	AllowUnqualifiedDNSQuery   bool     `json:"allowUnqualifiedDNSQuery,omitempty"`
	DNSSearchList              []string `json:"DNSSearchList,omitempty"`
	NetworkSharedContainerName string   `json:"networkSharedContainerName,omitempty"`
	NetworkNamespace           string   `json:"networkNamespace,omitempty"`
}

// ---- schema1.ContainerConfig (microsoft/hcsshim v0.8.6/v0.8.7
// internal/schema1/schema1.go).

type ContainerConfig struct {
	SystemType                  string              // always written
	Name                        string              // always written
	Owner                       string              `json:",omitempty"`
	VolumePath                  string              `json:",omitempty"`
	IgnoreFlushesDuringBoot     bool                `json:",omitempty"`
	LayerFolderPath             string              `json:",omitempty"`
	Layers                      []Layer1            // nil is null
	Credentials                 string              `json:",omitempty"`
	ProcessorCount              uint32              `json:",omitempty"`
	ProcessorWeight             uint64              `json:",omitempty"`
	ProcessorMaximum            int64               `json:",omitempty"`
	StorageIOPSMaximum          uint64              `json:",omitempty"`
	StorageBandwidthMaximum     uint64              `json:",omitempty"`
	StorageSandboxSize          uint64              `json:",omitempty"`
	MemoryMaximumInMB           int64               `json:",omitempty"`
	HostName                    string              `json:",omitempty"`
	MappedDirectories           []MappedDir         `json:",omitempty"`
	MappedPipes                 []MappedPipe1       `json:",omitempty"`
	HvPartition                 bool                // always written
	NetworkSharedContainerName  string              `json:",omitempty"`
	EndpointList                []string            `json:",omitempty"`
	HvRuntime                   *HvRuntime          `json:",omitempty"`
	Servicing                   bool                `json:",omitempty"`
	AllowUnqualifiedDNSQuery    bool                `json:",omitempty"`
	DNSSearchList               string              `json:",omitempty"`
	ContainerType               string              `json:",omitempty"`
	TerminateOnLastHandleClosed bool                `json:",omitempty"`
	MappedVirtualDisks          []MappedVirtualDisk `json:",omitempty"`
	AssignedDevices             []AssignedDevice    `json:",omitempty"`
}

type Layer1 struct {
	ID   string
	Path string
}

type MappedDir struct {
	HostPath          string
	ContainerPath     string
	ReadOnly          bool
	BandwidthMaximum  uint64
	IOPSMaximum       uint64
	CreateInUtilityVM bool
	LinuxMetadata     bool `json:",omitempty"`
}

type MappedPipe1 struct {
	HostPath          string
	ContainerPipeName string
}

type HvRuntime struct {
	ImagePath           string `json:",omitempty"`
	SkipTemplate        bool   `json:",omitempty"`
	LinuxInitrdFile     string `json:",omitempty"`
	LinuxKernelFile     string `json:",omitempty"`
	LinuxBootParameters string `json:",omitempty"`
	BootSource          string `json:",omitempty"`
	WritableBootSource  bool   `json:",omitempty"`
}

type MappedVirtualDisk struct {
	HostPath          string `json:",omitempty"`
	ContainerPath     string
	CreateInUtilityVM bool   `json:",omitempty"`
	ReadOnly          bool   `json:",omitempty"`
	Cache             string `json:",omitempty"`
	AttachOnly        bool   `json:",omitempty"`
}

type AssignedDevice struct {
	InterfaceClassGUID string `json:"InterfaceClassGuid,omitempty"`
}

// ---- hcsschema.ComputeSystem (hcsshim v0.8.7 internal/schema2, SEED types).

type ComputeSystem struct {
	Owner           string   `json:"Owner,omitempty"`
	SchemaVersion   *Version `json:"SchemaVersion,omitempty"`
	HostingSystemId string   `json:"HostingSystemId,omitempty"`
	// interface{} in hcsshim, which stores a *HostedSystem in it.
	HostedSystem                      *HostedSystem `json:"HostedSystem,omitempty"`
	Container                         *Container    `json:"Container,omitempty"`
	ShouldTerminateOnLastHandleClosed bool          `json:"ShouldTerminateOnLastHandleClosed,omitempty"`
}

type Version struct {
	Major int32 `json:"Major,omitempty"`
	Minor int32 `json:"Minor,omitempty"`
}

type HostedSystem struct {
	SchemaVersion *Version   `json:"SchemaVersion,omitempty"`
	Container     *Container `json:"Container,omitempty"`
}

type Container struct {
	GuestOs                  *GuestOs                       `json:"GuestOs,omitempty"`
	Storage                  *Storage                       `json:"Storage,omitempty"`
	MappedDirectories        []MappedDirectory              `json:"MappedDirectories,omitempty"`
	MappedPipes              []MappedPipe                   `json:"MappedPipes,omitempty"`
	Memory                   *Memory                        `json:"Memory,omitempty"`
	Processor                *Processor                     `json:"Processor,omitempty"`
	Networking               *Networking                    `json:"Networking,omitempty"`
	HvSocket                 *HvSocket                      `json:"HvSocket,omitempty"`
	ContainerCredentialGuard *ContainerCredentialGuardState `json:"ContainerCredentialGuard,omitempty"`
	RegistryChanges          *RegistryChanges               `json:"RegistryChanges,omitempty"`
	AssignedDevices          []Device                       `json:"AssignedDevices,omitempty"`
}

type GuestOs struct {
	HostName string `json:"HostName,omitempty"`
}

type Storage struct {
	Layers []Layer     `json:"Layers,omitempty"`
	Path   string      `json:"Path,omitempty"`
	QoS    *StorageQoS `json:"QoS,omitempty"`
}

type Layer struct {
	Id       string `json:"Id,omitempty"`
	Path     string `json:"Path,omitempty"`
	PathType string `json:"PathType,omitempty"`
	Cache    string `json:"Cache,omitempty"`
}

type StorageQoS struct {
	IopsMaximum      int32 `json:"IopsMaximum,omitempty"`
	BandwidthMaximum int32 `json:"BandwidthMaximum,omitempty"`
}

type MappedDirectory struct {
	HostPath      string `json:"HostPath,omitempty"`
	HostPathType  string `json:"HostPathType,omitempty"`
	ContainerPath string `json:"ContainerPath,omitempty"`
	ReadOnly      bool   `json:"ReadOnly,omitempty"`
}

type MappedPipe struct {
	ContainerPipeName string `json:"ContainerPipeName,omitempty"`
	HostPath          string `json:"HostPath,omitempty"`
	HostPathType      string `json:"HostPathType,omitempty"`
}

type Memory struct {
	SizeInMB int32 `json:"SizeInMB,omitempty"`
}

type Processor struct {
	Count   int32 `json:"Count,omitempty"`
	Maximum int32 `json:"Maximum,omitempty"`
	Weight  int32 `json:"Weight,omitempty"`
}

type Networking struct {
	AllowUnqualifiedDnsQuery   bool     `json:"AllowUnqualifiedDnsQuery,omitempty"`
	DnsSearchList              string   `json:"DnsSearchList,omitempty"`
	NetworkSharedContainerName string   `json:"NetworkSharedContainerName,omitempty"`
	Namespace                  string   `json:"Namespace,omitempty"`
	NetworkAdapters            []string `json:"NetworkAdapters,omitempty"`
}

type HvSocket struct {
	Config                 *HvSocketSystemConfig `json:"Config,omitempty"`
	EnablePowerShellDirect bool                  `json:"EnablePowerShellDirect,omitempty"`
}

type HvSocketSystemConfig struct {
	DefaultBindSecurityDescriptor    string                           `json:"DefaultBindSecurityDescriptor,omitempty"`
	DefaultConnectSecurityDescriptor string                           `json:"DefaultConnectSecurityDescriptor,omitempty"`
	ServiceTable                     map[string]HvSocketServiceConfig `json:"ServiceTable,omitempty"`
}

type HvSocketServiceConfig struct {
	BindSecurityDescriptor    string `json:"BindSecurityDescriptor,omitempty"`
	ConnectSecurityDescriptor string `json:"ConnectSecurityDescriptor,omitempty"`
	AllowWildcardBinds        bool   `json:"AllowWildcardBinds,omitempty"`
}

type ContainerCredentialGuardState struct {
	Cookie         string `json:"Cookie,omitempty"`
	RpcEndpoint    string `json:"RpcEndpoint,omitempty"`
	Transport      string `json:"Transport,omitempty"`
	CredentialSpec string `json:"CredentialSpec,omitempty"`
}

type RegistryChanges struct {
	AddValues  []RegistryValue `json:"AddValues,omitempty"`
	DeleteKeys []RegistryKey   `json:"DeleteKeys,omitempty"`
}

type RegistryKey struct {
	Hive     string `json:"Hive,omitempty"`
	Name     string `json:"Name,omitempty"`
	Volatile bool   `json:"Volatile,omitempty"`
}

type RegistryValue struct {
	Key         *RegistryKey `json:"Key,omitempty"`
	Name        string       `json:"Name,omitempty"`
	Type_       string       `json:"Type,omitempty"`
	StringValue string       `json:"StringValue,omitempty"`
	BinaryValue string       `json:"BinaryValue,omitempty"`
	DWordValue  int32        `json:"DWordValue,omitempty"`
	QWordValue  int32        `json:"QWordValue,omitempty"`
	CustomType  int32        `json:"CustomType,omitempty"`
}

type Device struct {
	InterfaceClassGuid string `json:"InterfaceClassGuid,omitempty"`
}

// ---- hcsschema.ProcessParameters.

type ProcessParameters struct {
	ApplicationName   string            `json:"ApplicationName,omitempty"`
	CommandLine       string            `json:"CommandLine,omitempty"`
	CommandArgs       []string          `json:"CommandArgs,omitempty"`
	User              string            `json:"User,omitempty"`
	WorkingDirectory  string            `json:"WorkingDirectory,omitempty"`
	Environment       map[string]string `json:"Environment,omitempty"`
	RestrictedToken   bool              `json:"RestrictedToken,omitempty"`
	EmulateConsole    bool              `json:"EmulateConsole,omitempty"`
	CreateStdInPipe   bool              `json:"CreateStdInPipe,omitempty"`
	CreateStdOutPipe  bool              `json:"CreateStdOutPipe,omitempty"`
	CreateStdErrPipe  bool              `json:"CreateStdErrPipe,omitempty"`
	ConsoleSize       []int32           `json:"ConsoleSize,omitempty"`
	CreateInUtilityVM bool              `json:"CreateInUtilityVM,omitempty"`
	UseExistingLogin  bool              `json:"UseExistingLogin,omitempty"`
	UseLegacyConsole  bool              `json:"UseLegacyConsole,omitempty"`
}

// ---- hcsshim main (internal/hcs/schema2) and moby's schema1.ProcessConfig:
// the documents of targets docker-containerd and docker.

type LComputeSystem struct {
	Owner                             string         `json:"Owner,omitempty"`
	SchemaVersion                     *Version       `json:"SchemaVersion,omitempty"`
	HostingSystemId                   string         `json:"HostingSystemId,omitempty"`
	HostedSystem                      *LHostedSystem `json:"HostedSystem,omitempty"`
	Container                         *LContainer    `json:"Container,omitempty"`
	ShouldTerminateOnLastHandleClosed bool           `json:"ShouldTerminateOnLastHandleClosed,omitempty"`
}

type LHostedSystem struct {
	SchemaVersion *Version    `json:"SchemaVersion,omitempty"`
	Container     *LContainer `json:"Container,omitempty"`
}

type LContainer struct {
	GuestOs                  *GuestOs                       `json:"GuestOs,omitempty"`
	Storage                  *LStorage                      `json:"Storage,omitempty"`
	MappedDirectories        []MappedDirectory              `json:"MappedDirectories,omitempty"`
	MappedPipes              []MappedPipe                   `json:"MappedPipes,omitempty"`
	Memory                   *LMemory                       `json:"Memory,omitempty"`
	Processor                *Processor                     `json:"Processor,omitempty"`
	Networking               *Networking                    `json:"Networking,omitempty"`
	HvSocket                 *HvSocket                      `json:"HvSocket,omitempty"`
	ContainerCredentialGuard *ContainerCredentialGuardState `json:"ContainerCredentialGuard,omitempty"`
	RegistryChanges          *RegistryChanges               `json:"RegistryChanges,omitempty"`
	AssignedDevices          []LDevice                      `json:"AssignedDevices,omitempty"`
	IsolationType            string                         `json:"IsolationType,omitempty"`
}

type LStorage struct {
	Layers                      []Layer     `json:"Layers,omitempty"`
	Path                        string      `json:"Path,omitempty"`
	QoS                         *StorageQoS `json:"QoS,omitempty"`
	PrivilegedContainerRootPath string      `json:"PrivilegedContainerRootPath,omitempty"`
}

type LMemory struct {
	SizeInMB uint64 `json:"SizeInMB,omitempty"`
}

type LDevice struct {
	Type               string `json:"Type,omitempty"`
	InterfaceClassGuid string `json:"InterfaceClassGuid,omitempty"`
	LocationPath       string `json:"LocationPath,omitempty"`
}

type ProcessConfig struct {
	ApplicationName   string            `json:",omitempty"`
	CommandLine       string            `json:",omitempty"`
	CommandArgs       []string          `json:",omitempty"`
	User              string            `json:",omitempty"`
	WorkingDirectory  string            `json:",omitempty"`
	Environment       map[string]string `json:",omitempty"`
	EmulateConsole    bool              `json:",omitempty"`
	CreateStdInPipe   bool              `json:",omitempty"`
	CreateStdOutPipe  bool              `json:",omitempty"`
	CreateStdErrPipe  bool              `json:",omitempty"`
	ConsoleSize       [2]uint           `json:",omitempty"`
	CreateInUtilityVm bool              `json:",omitempty"`
	OCISpecification  *json.RawMessage  `json:",omitempty"`
}

// ---- docker-1.12 (moby da92dad): windowsoci.WindowsSpec, libcontainerd's
// containerInit and hcsshim v0.2.2 CreateProcessParams, re-declared from
// their published field lists.

type WindowsOCI struct {
	Version  string       `json:"ociVersion"`
	Platform OCIPlatform  `json:"platform"`
	Process  OCIProcess   `json:"process"`
	Root     OCIRoot      `json:"root"`
	Hostname string       `json:"hostname,omitempty"`
	Mounts   []OCIMount   `json:"mounts"`
	Windows  OCIWindows12 `json:"windows"`
}

type OCIPlatform struct {
	OS   string `json:"os"`
	Arch string `json:"arch"`
}

type OCIProcess struct {
	Terminal bool     `json:"terminal"`
	User     OCIUser  `json:"user"`
	Args     []string `json:"args"`
	Env      []string `json:"env,omitempty"`
	Cwd      string   `json:"cwd"`
}

type OCIUser struct {
	User string `json:"user,omitempty"`
}

type OCIRoot struct {
	Path     string `json:"path"`
	Readonly bool   `json:"readonly"`
}

type OCIMount struct {
	Destination string `json:"destination"`
	Type        string `json:"type"`
	Source      string `json:"source"`
	Readonly    bool   `json:"readonly"`
}

type OCIWindows12 struct {
	Resources   *OCIResources  `json:"resources,omitempty"`
	Networking  *OCINetworking `json:"networking,omitempty"`
	FirstStart  bool           `json:"first_start,omitempty"`
	LayerFolder string         `json:"layer_folder,omitempty"`
	LayerPaths  []string       `json:"layer_paths,omitempty"`
	HvRuntime   *OCIHvRuntime  `json:"hv_runtime,omitempty"`
}

type OCIResources struct {
	Memory  *OCIMemory  `json:"memory,omitempty"`
	CPU     *OCICPU     `json:"cpu,omitempty"`
	Storage *OCIStorage `json:"storage,omitempty"`
	Network *OCINetwork `json:"network,omitempty"`
}

type OCIMemory struct {
	Limit       *int64  `json:"limit,omitempty"`
	Reservation *uint64 `json:"reservation,omitempty"`
}

type OCICPU struct {
	Count   *uint64 `json:"count,omitempty"`
	Shares  *uint64 `json:"shares,omitempty"`
	Percent *int64  `json:"percent,omitempty"`
}

type OCIStorage struct {
	Iops        *uint64 `json:"iops,omitempty"`
	Bps         *uint64 `json:"bps,omitempty"`
	SandboxSize *uint64 `json:"sandbox_size,omitempty"`
}

type OCINetwork struct {
	Bandwidth *uint64 `json:"bandwidth,omitempty"`
}

type OCINetworking struct {
	EndpointList []string `json:"endpoints,omitempty"`
}

type OCIHvRuntime struct {
	ImagePath string `json:"image_path,omitempty"`
}

type initLayer struct {
	ID   string
	Path string
}

type initMappedDir struct {
	HostPath      string
	ContainerPath string
	ReadOnly      bool
}

type initDevice struct {
	DeviceType string
	Connection interface{}
	Settings   interface{}
}

type initHvRuntime struct {
	ImagePath string `json:",omitempty"`
}

type ContainerInit struct {
	SystemType              string
	Name                    string
	Owner                   string
	IsDummy                 bool
	VolumePath              string
	Devices                 []initDevice
	IgnoreFlushesDuringBoot bool
	LayerFolderPath         string
	Layers                  []initLayer
	ProcessorWeight         uint64 `json:",omitempty"`
	ProcessorMaximum        int64  `json:",omitempty"`
	StorageIOPSMaximum      uint64 `json:",omitempty"`
	StorageBandwidthMaximum uint64 `json:",omitempty"`
	StorageSandboxSize      uint64 `json:",omitempty"`
	MemoryMaximumInMB       int64  `json:",omitempty"`
	HostName                string
	MappedDirectories       []initMappedDir
	SandboxPath             string
	HvPartition             bool
	EndpointList            []string
	HvRuntime               *initHvRuntime
	Servicing               bool
}

type CreateProcessParams struct {
	ApplicationName  string
	CommandLine      string
	WorkingDirectory string
	Environment      map[string]string
	EmulateConsole   bool
	ConsoleSize      [2]int
}

// ---- modes.

func newKind(kind string) interface{} {
	switch kind {
	case "oci":
		return new(Spec)
	case "hcs-v1":
		return new(ContainerConfig)
	case "hcs-v2":
		return new(ComputeSystem)
	case "process":
		return new(ProcessParameters)
	case "hcs-v2-latest":
		return new(LComputeSystem)
	case "hcs-v2-hosted":
		return new(LHostedSystem)
	case "process-v1":
		return new(ProcessConfig)
	case "windowsoci":
		return new(WindowsOCI)
	case "container-init":
		return new(ContainerInit)
	case "create-process":
		return new(CreateProcessParams)
	}
	die("unknown kind %q (oci, hcs-v1, hcs-v2, process, hcs-v2-latest, hcs-v2-hosted, process-v1)", kind)
	return nil
}

func die(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "goref: "+format+"\n", args...)
	os.Exit(2)
}

// decode reads exactly one JSON value into v, refusing unknown keys.
func decode(data []byte, v interface{}) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return fmt.Errorf("trailing data after the document")
	}
	return nil
}

// both returns json.Marshal(v) and json.MarshalIndent(v, "", "  ").
func both(v interface{}) ([]byte, []byte) {
	c, err := json.Marshal(v)
	if err != nil {
		die("marshal: %v", err)
	}
	p, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		die("marshal: %v", err)
	}
	return c, p
}

func modeDoc(kind string) {
	data, err := io.ReadAll(os.Stdin)
	if err != nil {
		die("%v", err)
	}
	v := newKind(kind)
	if err := decode(data, v); err != nil {
		die("%s: %v", kind, err)
	}
	c, p := both(v)
	w := bufio.NewWriter(os.Stdout)
	w.Write(c)
	w.WriteString("\n--\n")
	w.Write(p)
	w.WriteString("\n")
	w.Flush()
}

func lines(r io.Reader) *bufio.Scanner {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	return sc
}

func modeStrings() {
	sc := lines(os.Stdin)
	w := bufio.NewWriter(os.Stdout)
	for sc.Scan() {
		b, err := hex.DecodeString(sc.Text())
		if err != nil {
			die("bad hex line: %v", err)
		}
		out, _ := json.Marshal(string(b))
		w.Write(out)
		w.WriteString("\n")
	}
	if err := sc.Err(); err != nil {
		die("%v", err)
	}
	w.Flush()
}

// Pieces random strings are made of: every class of byte the escaper
// treats differently.
var pieces = []string{
	"a", "Z", "0", " ", "/", "'", "\"", "\\", "<", ">", "&", "\x00", "\x01",
	"\b", "\f", "\n", "\r", "\t", "\x0b", "\x1b", "\x1f", "\x7f",
	"é", "€", "ü", "\u2027", "\u2028", "\u2029", "\u202a", "\ufffd", "\uffff",
	"😀", "\U0010ffff", "C:\\Windows", "\\\\?\\Volume{x}\\",
	"\x80", "\xbf", "\xc0\x80", "\xc1\xbf", "\xc2", "\xc2\x7f", "\xe0\x80\x80",
	"\xe0\x9f\xbf", "\xe2\x80", "\xe2\x28\xa1", "\xed\xa0\x80", "\xed\xbf\xbf",
	"\xef\xbf", "\xf0\x8f\xbf\xbf", "\xf0\x90\x80", "\xf4\x90\x80\x80",
	"\xf5\x80\x80\x80", "\xf8\x88\x80\x80\x80", "\xfe", "\xff",
}

func randString(r *rand.Rand) string {
	var b []byte
	n := r.Intn(12)
	for i := 0; i < n; i++ {
		switch r.Intn(3) {
		case 0:
			b = append(b, byte(r.Intn(256)))
		default:
			b = append(b, pieces[r.Intn(len(pieces))]...)
		}
	}
	return string(b)
}

func modeGenStrings(n int, seed int64) {
	r := rand.New(rand.NewSource(seed))
	w := bufio.NewWriter(os.Stdout)
	for i := 0; i < n; i++ {
		w.WriteString(hex.EncodeToString([]byte(randString(r))))
		w.WriteString("\n")
	}
	w.Flush()
}

// randKey: a map key json-c can hold (no NUL).
func randKey(r *rand.Rand) string {
	b := []byte(randString(r))
	return string(bytes.ReplaceAll(b, []byte{0}, []byte("0")))
}

func randInt(r *rand.Rand, bits int) int64 {
	max := int64(math.MaxInt64 >> (64 - bits))
	switch r.Intn(6) {
	case 0:
		return 0
	case 1:
		return -1
	case 2:
		return max
	case 3:
		return -max - 1
	}
	return r.Int63n(max) - r.Int63n(max)
}

func randUint(r *rand.Rand, bits int) uint64 {
	max := uint64(math.MaxUint64 >> (64 - bits))
	switch r.Intn(5) {
	case 0:
		return 0
	case 1:
		return max
	case 2:
		return 1
	}
	return r.Uint64() & max
}

// randFloat: a float64 whose Go text json-c reads back as the same
// number (json-c clamps integer literals beyond the uint64 range).
func randFloat(r *rand.Rand) float64 {
	for {
		var f float64
		switch r.Intn(5) {
		case 0:
			f = float64(r.Intn(2000) - 1000)
		case 1:
			f = r.NormFloat64()
		case 2:
			f = math.Float64frombits(r.Uint64())
		case 3:
			f = (r.Float64() - 0.5) * math.Pow(10, float64(r.Intn(60)-30))
		default:
			f = float64(r.Intn(100)) / 10
		}
		if math.IsNaN(f) || math.IsInf(f, 0) {
			continue
		}
		a := math.Abs(f)
		if a == math.Trunc(a) && a >= 1e19 && a < 1e21 {
			continue
		}
		return f
	}
}

func randAny(r *rand.Rand, depth int) interface{} {
	k := r.Intn(7)
	if depth > 3 && k >= 5 {
		k = r.Intn(5)
	}
	switch k {
	case 0:
		return nil
	case 1:
		return randString(r)
	case 2:
		return r.Intn(2) == 0
	case 3, 4:
		return randFloat(r)
	case 5:
		a := []interface{}{}
		for i := r.Intn(4); i > 0; i-- {
			a = append(a, randAny(r, depth+1))
		}
		return a
	}
	m := map[string]interface{}{}
	for i := r.Intn(4); i > 0; i-- {
		m[randKey(r)] = randAny(r, depth+1)
	}
	return m
}

// fill sets v to a random value of its type: nil, empty and zero values
// included, so omitempty is exercised both ways.
func fill(r *rand.Rand, v reflect.Value, depth int) {
	t := v.Type()
	switch v.Kind() {
	case reflect.Ptr:
		if r.Intn(4) != 0 {
			p := reflect.New(t.Elem())
			fill(r, p.Elem(), depth+1)
			v.Set(p)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if r.Intn(3) != 0 {
				fill(r, v.Field(i), depth+1)
			}
		}
	case reflect.Slice:
		switch r.Intn(4) {
		case 0:
		case 1:
			v.Set(reflect.MakeSlice(t, 0, 0))
		default:
			n := 1 + r.Intn(3)
			s := reflect.MakeSlice(t, n, n)
			for i := 0; i < n; i++ {
				fill(r, s.Index(i), depth+1)
			}
			v.Set(s)
		}
	case reflect.Map:
		switch r.Intn(4) {
		case 0:
		case 1:
			v.Set(reflect.MakeMap(t))
		default:
			m := reflect.MakeMap(t)
			for i := 1 + r.Intn(4); i > 0; i-- {
				e := reflect.New(t.Elem()).Elem()
				fill(r, e, depth+1)
				m.SetMapIndex(reflect.ValueOf(randKey(r)), e)
			}
			v.Set(m)
		}
	case reflect.String:
		v.SetString(randString(r))
	case reflect.Bool:
		v.SetBool(r.Intn(2) == 0)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(randInt(r, t.Bits()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(randUint(r, t.Bits()))
	case reflect.Interface:
		if a := randAny(r, depth); a != nil {
			v.Set(reflect.ValueOf(a))
		}
	default:
		die("no random values for %v", t)
	}
}

func modeGenDocs(kind string, n int, seed int64, expected string) {
	r := rand.New(rand.NewSource(seed))
	f, err := os.Create(expected)
	if err != nil {
		die("%v", err)
	}
	exp := bufio.NewWriter(f)
	w := bufio.NewWriter(os.Stdout)
	for i := 0; i < n; i++ {
		v := newKind(kind)
		fill(r, reflect.ValueOf(v).Elem(), 0)
		doc, err := json.Marshal(v)
		if err != nil {
			die("marshal: %v", err)
		}
		// Marshal again after a decode: invalid UTF-8 became U+FFFD.
		v2 := newKind(kind)
		if err := decode(doc, v2); err != nil {
			die("re-decode: %v", err)
		}
		c, p := both(v2)
		w.Write(doc)
		w.WriteString("\n")
		exp.Write(c)
		exp.WriteString("\n")
		exp.Write(p)
		exp.WriteString("\n")
	}
	w.Flush()
	if err := exp.Flush(); err != nil {
		die("%v", err)
	}
	if err := f.Close(); err != nil {
		die("%v", err)
	}
}

func atoi(s string) int64 {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		die("not a number: %q", s)
	}
	return n
}

func main() {
	a := os.Args[1:]
	switch {
	case len(a) == 2 && a[0] == "doc":
		modeDoc(a[1])
	case len(a) == 1 && a[0] == "strings":
		modeStrings()
	case len(a) == 3 && a[0] == "genstrings":
		modeGenStrings(int(atoi(a[1])), atoi(a[2]))
	case len(a) == 5 && a[0] == "gendocs":
		modeGenDocs(a[1], int(atoi(a[2])), atoi(a[3]), a[4])
	default:
		die("usage: goref doc KIND | strings | genstrings N SEED | gendocs KIND N SEED EXPECTED")
	}
}
